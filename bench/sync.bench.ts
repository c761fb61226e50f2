/**
 * Mirror sync on the large demo school (100 classes, 3000 students, a full year; `BENCH_SIZE`
 * small|medium to try it smaller).
 *
 * 1. Import of the whole year from a bundle file, each import in a process of its own so that its
 *    peak memory is its own, in alternating rounds: a raw better-sqlite3 prepared-statement insert
 *    of the same rows read from the same file; Мөөр's bulk path into a new mirror; Мөөр's diff path
 *    into a mirror that already holds the year (nothing to change). Both read and parse the file;
 *    the import also validates every cell, diffs against the mirror, keeps history, records the run
 *    and audits it. Targets: at most 1.3× the raw insert's time and peak memory.
 * 2. Incremental re-sync of one changed week from a week-scoped bundle. Target: under 1 s.
 * 3. A whole quarter from Kundoluk (a local stand-in of the service in its own process, 150 ms
 *    added to every answer), one class account after another, over the mirror that holds the year
 *    (so nothing changes): requests, bytes and wall time against the latency floor (requests ÷ 2
 *    in flight × 150 ms); then one week of one class re-synced after its teacher corrected a mark
 *    (one change), the mirror's part beside the fetch's. Target: the mirror's part under 1 s.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fixedClock } from '../src/core/clock';
import { openMirror, type Mirror } from '../src/core/db/mirror';
import { generateDemoDataset } from '../src/core/demo/generate-dataset';
import type { DemoSize } from '../src/core/demo/sizes';
import { writeDataset } from '../src/core/demo/write-dataset';
import { exportBundleFile, syncBundleFile } from '../src/core/mirror/sync-bundle';
import { KundolukClient } from '../src/core/mirror/kundoluk/client';
import { syncKundoluk } from '../src/core/mirror/sync-kundoluk';
import { deputy } from '../tests/support/actors';
import { tempDir } from '../tests/support/temp-dir';
import { median, minAndMedian, printRow, time } from './measure';
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

interface ChildRun {
  seconds: number;
  peakMb: number;
  changed: number;
}

/** One import in a process of its own (its peak memory is its own): see sync-import-child.ts. */
function importInChild(mode: 'raw' | 'bulk' | 'diff', file: string, holding = ''): ChildRun {
  serial += 1;
  const target = path.join(dir, `child-${serial}.sqlite`);
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'sync-import-child.ts'), mode, file, target, holding],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  fs.rmSync(target, { force: true });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as ChildRun;
}

const SIZE = (process.env.BENCH_SIZE ?? 'large') as DemoSize;
console.log(`Generating the ${SIZE} demo school…`);
const source = freshMirror();
// Not kept in a variable: the generated rows (1.4 million objects) would stay on the heap and slow
// every garbage collection of the syncs measured below, which the app never carries.
writeDataset(source, generateDemoDataset(SIZE, 2025));
const yearFile = path.join(dir, 'year.json');
const exported = time('export', () => exportBundleFile(source, yearFile, new Date()));
const rows = exported.result.rows;
console.log(
  `${rows.toLocaleString('en-US')} rows, bundle ${(fs.statSync(yearFile).size / 1e6).toFixed(0)} MB, ` +
    `export ${exported.timing.seconds.toFixed(2)} s`,
);

// The mirror that already holds the year, for the diff path and the syncs below.
const imported = freshMirror();
syncBundleFile(imported, yearFile, context);
imported.sqlite.pragma('wal_checkpoint(TRUNCATE)');
const holding = path.join(dir, 'holding.sqlite');
fs.copyFileSync(imported.path, holding);

// Alternating rounds, each import in its own process: the raw insert, the bulk path into a new
// mirror, and the diff path over a mirror that already holds the same year (nothing to change).
const runs = { raw: [] as ChildRun[], bulk: [] as ChildRun[], diff: [] as ChildRun[] };
for (let round = 0; round < ROUNDS; round++) {
  runs.raw.push(importInChild('raw', yearFile));
  runs.bulk.push(importInChild('bulk', yearFile));
  runs.diff.push(importInChild('diff', yearFile, holding));
}
const rawSeconds = median(runs.raw.map((r) => r.seconds));
const rawPeak = median(runs.raw.map((r) => r.peakMb));
console.log(`\nFull-year import from a bundle, ${ROUNDS} alternating rounds (min / median)`);
printRow(['', 'seconds', 'ratio', 'peak MB', 'ratio', 'rows changed']);
for (const [label, list] of [
  ['raw prepared insert', runs.raw],
  ['Мөөр bulk, new mirror', runs.bulk],
  ['Мөөр diff, holds year', runs.diff],
] as const) {
  const seconds = list.map((r) => r.seconds);
  const peaks = list.map((r) => r.peakMb);
  printRow([
    label,
    minAndMedian(seconds),
    `${(median(seconds) / rawSeconds).toFixed(2)}×`,
    minAndMedian(peaks, 0),
    `${(median(peaks) / rawPeak).toFixed(2)}×`,
    list === runs.raw ? '' : String(list[0]?.changed ?? ''),
  ]);
}
console.log(
  `targets: time ≤ 1.30× the raw insert's, peak memory ≤ 1.3× (${rows.toLocaleString('en-US')} rows)`,
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

// A whole quarter from Kundoluk: the stand-in runs in its own process, as Kundoluk does, every
// answer 150 ms late (a school's connection). A token sees one class, as a class teacher's does,
// so the school comes in account after account, each week by week with two requests in flight.
const LATENCY_MS = 150;
const quarter = { from: '2025-11-10', to: '2025-12-30' };
const kundolukContext = { ...context, clock: fixedClock('2026-01-05T09:00:00Z') };
const service = await startKundolukService(source.path, quarter, LATENCY_MS);
let requests = 0;
let bytes = 0;
const quarterStarted = performance.now();
let quarterCounts = { added: 0, changed: 0, removed: 0 };
for (const token of service.accounts) {
  const result = await syncKundoluk(
    imported,
    { baseUrl: service.url, token, ...quarter, account: token.replace('token-', 'class ') },
    kundolukContext,
  );
  requests += result.requests;
  bytes += result.bytes;
  quarterCounts = {
    added: quarterCounts.added + result.added,
    changed: quarterCounts.changed + result.changed,
    removed: quarterCounts.removed + result.removed,
  };
}
const quarterSeconds = (performance.now() - quarterStarted) / 1000;
const floorSeconds = ((requests / 2) * LATENCY_MS) / 1000;
console.log(
  `\nA whole quarter (${quarter.from} – ${quarter.to}) from Kundoluk, ${service.accounts.length} class accounts, ${LATENCY_MS} ms per answer`,
);
printRow(['requests', 'MB', 'seconds', 'latency floor s', 'ratio']);
printRow([
  String(requests),
  (bytes / 1e6).toFixed(1),
  quarterSeconds.toFixed(1),
  floorSeconds.toFixed(1),
  `${(quarterSeconds / floorSeconds).toFixed(2)}×`,
]);
console.log(`added/changed/removed ${quarterCounts.added}/${quarterCounts.changed}/${quarterCounts.removed}`);

// One week of one class re-synced after a teacher corrected a mark.
const reWeek = { from: '2025-12-01', to: '2025-12-07' };
// The mark corrected is of the class whose account re-syncs (another class's would not be seen);
// the first class that has a mark 3 that week (the first grade gives no marks).
let firstAccount = '';
for (const account of service.accounts) {
  if (await service.correctMark(reWeek.from, reWeek.to, account.replace('token-', ''))) {
    firstAccount = account;
    break;
  }
}
if (firstAccount === '') throw new Error('no mark 3 in the week to correct');
const reOptions = { baseUrl: service.url, token: firstAccount, ...reWeek };
const again = performance.now();
const second = await syncKundoluk(imported, reOptions, kundolukContext);
const resyncSeconds = (performance.now() - again) / 1000;
// The service's and the network's part: the same requests, answered and parsed, nothing written.
const fetchStarted = performance.now();
const client = new KundolukClient(reOptions);
await Promise.all([client.term(2, false), client.term(2, true), client.lessons(reWeek.from, reWeek.to)]);
const fetchSeconds = (performance.now() - fetchStarted) / 1000;
console.log('\nOne week of one class re-synced');
printRow(['', 'seconds', 'added/changed/removed']);
printRow(['re-sync', resyncSeconds.toFixed(3), `${second.added}/${second.changed}/${second.removed}`]);
printRow(['  of it: fetch + parse', fetchSeconds.toFixed(3), `${client.stats.requests} requests`]);
printRow(['  of it: the mirror', Math.max(0, resyncSeconds - fetchSeconds).toFixed(3), 'target < 1 s']);
await service.close();
imported.close();
source.close();
