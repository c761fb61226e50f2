/**
 * Mirror sync on the large demo school (100 classes, 3000 students, a full year).
 *
 * 1. Import of the whole year from a bundle file into a new mirror, beside a raw better-sqlite3
 *    prepared-statement insert of the same rows read from the same file, alternated over rounds.
 *    Both read and parse the file; the import also validates every cell, diffs against the mirror,
 *    keeps history, records the run and audits it. Target: at most 1.3× the raw time.
 * 2. Incremental re-sync of one changed week, from a week-scoped bundle and from Kundoluk (a local
 *    stand-in of the service, in its own process, serving the same school), with the time the two
 *    requests alone take (answer, transfer, parse). Target: under 1 s.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fixedClock } from '../src/core/clock';
import { openMirror, type Mirror } from '../src/core/db/mirror';
import { generateDemoDataset } from '../src/core/demo/generate-dataset';
import { writeDataset } from '../src/core/demo/write-dataset';
import { journalTables } from '../src/core/db/journal-tables';
import type { Bundle } from '../src/core/mirror/bundle/format';
import { exportBundleFile, syncBundleFile } from '../src/core/mirror/sync-bundle';
import { KundolukClient } from '../src/core/mirror/kundoluk/client';
import { syncKundoluk } from '../src/core/mirror/sync-kundoluk';
import { deputy } from '../tests/support/actors';
import { tempDir } from '../tests/support/temp-dir';
import { median, printRow, time } from './measure';
import { startKundolukService } from './sync-kundoluk-service';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const dir = tempDir('moor-bench-sync-');
const context = {
  actor: deputy,
  clock: fixedClock('2026-05-30T09:00:00Z'),
};
let serial = 0;

function freshMirror(): Mirror {
  serial += 1;
  return openMirror(path.join(dir, `m${serial}.sqlite`), { create: true });
}

/** The floor: read and parse the same file, then one prepared INSERT per row, in one transaction. */
function rawImport(file: string): void {
  const mirror = freshMirror();
  const bundle = JSON.parse(fs.readFileSync(file, 'utf8')) as Bundle;
  mirror.sqlite.transaction(() => {
    for (const table of journalTables) {
      const { columns, rows } = bundle.tables[table];
      if (rows.length === 0) continue;
      const statement = mirror.sqlite.prepare(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(',')}) VALUES (${columns.map(() => '?').join(',')})`,
      );
      for (const row of rows) statement.run(row);
    }
  })();
  mirror.close();
}

function moorImport(file: string): Mirror {
  const mirror = freshMirror();
  syncBundleFile(mirror, file, context);
  return mirror;
}

console.log('Generating the large demo school…');
const source = freshMirror();
// Not kept in a variable: the generated rows (1.4 million objects) would stay on the heap and slow
// every garbage collection of the syncs measured below, which the app never carries.
writeDataset(source, generateDemoDataset('large', 2025));
const yearFile = path.join(dir, 'year.json');
const exported = time('export', () => exportBundleFile(source, yearFile, new Date()));
const rows = exported.result.rows;
console.log(
  `${rows.toLocaleString('en-US')} rows, bundle ${(fs.statSync(yearFile).size / 1e6).toFixed(0)} MB, ` +
    `export ${exported.timing.seconds.toFixed(2)} s`,
);

const raw: number[] = [];
const moor: number[] = [];
let imported: Mirror | undefined;
for (let round = 0; round < ROUNDS; round++) {
  raw.push(
    time('raw', () => {
      rawImport(yearFile);
    }).timing.seconds,
  );
  imported?.close();
  const run = time('moor', () => moorImport(yearFile));
  imported = run.result;
  moor.push(run.timing.seconds);
}
if (!imported) throw new Error('no rounds');
const ratio = median(moor) / median(raw);
console.log('\nFull-year import from a bundle (median of rounds)');
printRow(['', 'seconds', 'rows/s']);
printRow([
  'raw prepared insert',
  median(raw).toFixed(2),
  Math.round(rows / median(raw)).toLocaleString('en-US'),
]);
printRow([
  'Мөөр sync --bundle',
  median(moor).toFixed(2),
  Math.round(rows / median(moor)).toLocaleString('en-US'),
]);
console.log(
  `ratio ${ratio.toFixed(2)}× (target ≤ 1.30×) — rounds raw [${raw.map((s) => s.toFixed(2)).join(', ')}], Мөөр [${moor.map((s) => s.toFixed(2)).join(', ')}]`,
);

// One changed week: a few marks corrected and removed in the source, then re-synced.
const week = { from: '2026-02-02', to: '2026-02-08' };
source.sqlite
  .prepare(
    `UPDATE mark SET value = '5', numeric_value = 5 WHERE value = '4' AND id IN (SELECT m.id FROM mark m JOIN lesson l
       ON l.id = m.lesson_id WHERE l.date BETWEEN ? AND ? ORDER BY m.id LIMIT 40)`,
  )
  .run(week.from, week.to);
source.sqlite
  .prepare(
    `DELETE FROM mark WHERE id IN (SELECT m.id FROM mark m JOIN lesson l ON l.id = m.lesson_id
       WHERE l.date BETWEEN ? AND ? ORDER BY m.id DESC LIMIT 10)`,
  )
  .run(week.from, week.to);
const weekFile = path.join(dir, 'week.json');
exportBundleFile(source, weekFile, new Date(), week);
const weekSync = time('week', () => syncBundleFile(imported, weekFile, context));
console.log('\nIncremental re-sync of one changed week');
printRow(['source', 'seconds', 'added/changed/removed']);
const r = weekSync.result;
printRow([
  'week bundle',
  weekSync.timing.seconds.toFixed(3),
  `${r.added}/${r.changed}/${r.removed} (${r.changesSeen} kept)`,
]);

// The service's stand-in runs in its own process, as Kundoluk does: only the sync's side is timed.
const service = await startKundolukService(source.path, 'bench-token');
const options = { baseUrl: service.url, token: 'bench-token', ...week };
const takeover = performance.now();
const first = await syncKundoluk(imported, options, context);
const takeoverSeconds = (performance.now() - takeover) / 1000;
printRow(['Kundoluk, first', takeoverSeconds.toFixed(3), `${first.added}/${first.changed}/${first.removed}`]);
if (!(await service.correctMark(week.from, week.to))) throw new Error('no mark 3 in the week to correct');
const again = performance.now();
const second = await syncKundoluk(imported, options, context);
const resyncSeconds = (performance.now() - again) / 1000;
printRow([
  'Kundoluk, re-sync',
  resyncSeconds.toFixed(3),
  `${second.added}/${second.changed}/${second.removed} (${second.changesSeen} kept)`,
]);
// The part of the re-sync that is the service's and the network's: the same two requests, answered and parsed.
const fetchStarted = performance.now();
const client = new KundolukClient(options);
await client.gradebook(week.from, week.to);
await client.quarterMarks(week.from, week.to);
const fetchSeconds = (performance.now() - fetchStarted) / 1000;
printRow(['  of it: fetch + parse', fetchSeconds.toFixed(3), '']);
console.log(
  `one-week re-sync: bundle ${weekSync.timing.seconds.toFixed(3)} s, Kundoluk ${resyncSeconds.toFixed(3)} s (target < 1 s; ` +
    'Kundoluk takes over the week first: every row gets its Kundoluk reference)',
);
await service.close();
imported.close();
source.close();
