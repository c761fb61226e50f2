/**
 * Writing the large demo school into a new mirror, beside a raw better-sqlite3 prepared-statement
 * insert of the same rows into the same schema, alternated over several rounds (ratios hold on a
 * noisy machine where absolute times wander).
 */
import path from 'node:path';
import { openMirror } from '../src/core/db/mirror';
import { datasetRowCount, type MirrorDataset } from '../src/core/demo/dataset';
import { schoolTables } from '../src/core/db/journal-tables';
import { generateDemoDataset } from '../src/core/demo/generate-dataset';
import { writeDataset } from '../src/core/demo/write-dataset';
import { tempDir } from '../tests/support/temp-dir';
import { formatRate, median, printRow, time } from './measure';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const dir = tempDir('moor-bench-');

function freshMirror(name: string) {
  return openMirror(path.join(dir, `${name}.sqlite`), { create: true });
}

function rawInsert(dataset: MirrorDataset, name: string): void {
  const mirror = freshMirror(name);
  const sqlite = mirror.sqlite;
  sqlite.transaction(() => {
    for (const table of schoolTables) {
      const rows = dataset[table];
      const first = rows[0];
      if (!first) continue;
      const columns = Object.keys(first);
      const statement = sqlite.prepare(
        `INSERT INTO ${table} (${columns.join(',')}) VALUES (${columns.map(() => '?').join(',')})`,
      );
      for (const row of rows) statement.run(Object.values(row));
    }
  })();
  mirror.close();
}

function moorWrite(dataset: MirrorDataset, name: string): void {
  const mirror = freshMirror(name);
  writeDataset(mirror, dataset);
  mirror.close();
}

const generated = time('generate', () => generateDemoDataset('large'));
const dataset = generated.result;
const rows = datasetRowCount(dataset);
console.log(
  `Large demo school: ${rows.toLocaleString('en-US')} rows, generated in ${generated.timing.seconds.toFixed(2)} s`,
);

const moorTimes: number[] = [];
const rawTimes: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  rawTimes.push(
    time('raw', () => {
      rawInsert(dataset, `raw-${round}`);
    }).timing.seconds,
  );
  moorTimes.push(
    time('moor', () => {
      moorWrite(dataset, `moor-${round}`);
    }).timing.seconds,
  );
}

const moor = median(moorTimes);
const raw = median(rawTimes);
printRow(['', 'median s', 'rows/s']);
printRow(['Мөөр writeDataset', moor.toFixed(2), formatRate(rows, moor, 'rows')]);
printRow(['raw prepared insert', raw.toFixed(2), formatRate(rows, raw, 'rows')]);
console.log(`ratio Мөөр / raw: ${(moor / raw).toFixed(2)}× (${ROUNDS} rounds each, alternated)`);
