/**
 * Writing the large demo school into a new mirror (openMirror creating and migrating the file, then
 * writeDataset) beside an independent raw writer: plain better-sqlite3 on a new file with the same
 * pragmas, the same tables and indexes copied from the schema's own SQL, and its own INSERT
 * statements run with each row's values, in one transaction. The two alternate (each goes first in
 * every other round) over several rounds, so a ratio holds on a noisy machine where absolute times
 * wander; min and median are printed.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { openMirror } from '../src/core/db/mirror';
import { datasetRowCount, type MirrorDataset } from '../src/core/demo/dataset';
import { generateDemoDataset } from '../src/core/demo/generate-dataset';
import { writeDataset } from '../src/core/demo/write-dataset';
import { tempDir } from '../tests/support/temp-dir';
import { formatRate, median, minAndMedian, printRow, time, wholeProcess } from './measure';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const dir = tempDir('moor-bench-');

/** The schema's statements (tables, then indexes), read from a freshly migrated mirror. */
function schemaStatements(): string[] {
  const file = path.join(dir, 'schema.sqlite');
  openMirror(file, { create: true }).close();
  const schema = new Database(file, { readonly: true });
  const rows = schema
    .prepare<[], { sql: string }>(
      `SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
       ORDER BY CASE type WHEN 'table' THEN 0 ELSE 1 END, rowid`,
    )
    .all();
  schema.close();
  return rows.map((r) => r.sql);
}

function rawInsert(dataset: MirrorDataset, schema: readonly string[], name: string): void {
  const db = new Database(path.join(dir, `${name}.sqlite`));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  for (const sql of schema) db.exec(sql);
  db.transaction(() => {
    // The dataset's tables come in an order that satisfies the foreign keys.
    for (const [table, rows] of Object.entries(dataset) as [string, readonly object[]][]) {
      const first = rows[0];
      if (!first) continue;
      const columns = Object.keys(first);
      const insert = db.prepare(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(',')}) VALUES (${columns.map(() => '?').join(',')})`,
      );
      for (const row of rows) insert.run(Object.values(row));
    }
  })();
  db.close();
}

function moorWrite(dataset: MirrorDataset, name: string): void {
  const mirror = openMirror(path.join(dir, `${name}.sqlite`), { create: true });
  writeDataset(mirror, dataset);
  mirror.close();
}

const generated = time('generate', () => generateDemoDataset('large'));
const dataset = generated.result;
const rows = datasetRowCount(dataset);
const schema = schemaStatements();
console.log(
  `Large demo school: ${rows.toLocaleString('en-US')} rows, generated in ${generated.timing.seconds.toFixed(2)} s`,
);

const moorTimes: number[] = [];
const rawTimes: number[] = [];
const runs = [
  () =>
    rawTimes.push(
      time('raw', () => {
        rawInsert(dataset, schema, `raw-${rawTimes.length}`);
      }).timing.seconds,
    ),
  () =>
    moorTimes.push(
      time('moor', () => {
        moorWrite(dataset, `moor-${moorTimes.length}`);
      }).timing.seconds,
    ),
];
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 === 0 ? runs : [...runs].reverse();
  for (const run of order) run();
}

const moor = median(moorTimes);
const raw = median(rawTimes);
printRow(['', 's min / median', 'rows/s (median)']);
printRow(['Мөөр writeDataset', minAndMedian(moorTimes), formatRate(rows, moor, 'rows')]);
printRow(['raw better-sqlite3', minAndMedian(rawTimes), formatRate(rows, raw, 'rows')]);
console.log(`ratio Мөөр / raw: ${(moor / raw).toFixed(2)}× of medians (${ROUNDS} rounds each, alternated)`);
console.log(wholeProcess());
