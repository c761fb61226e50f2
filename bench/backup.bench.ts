/**
 * Backup + verify of the large demo mirror (createBackup: online snapshot, encryption, write, fsync,
 * rename, full read-back with every hash and the integrity check) beside `cp` + `sha256sum` of the
 * same database file to the same folder, alternated over several rounds in the same run.
 * Target: the backup takes at most twice the baseline.
 *
 *   npx tsx bench/backup.bench.ts [--db FILE]   (without --db the large school is generated first)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBackup } from '../src/core/backup/create-backup';
import { systemClock } from '../src/core/clock';
import { openMirror } from '../src/core/db/mirror';
import { createDemoSchool } from '../src/core/demo/create-demo-school';
import { median, printRow, time } from './measure';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TARGET_RATIO = 2;
const { values } = parseArgs({ options: { db: { type: 'string' } } });
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'moor-bench-backup-'));

let dbPath = values.db;
if (dbPath === undefined) {
  dbPath = path.join(work, 'large.sqlite');
  const created = time('generate', () => {
    const fresh = openMirror(dbPath ?? '', { create: true });
    createDemoSchool(fresh, { size: 'large' });
    fresh.close();
  });
  console.log(`Large demo school written in ${created.timing.seconds.toFixed(1)} s to ${dbPath}`);
}

const mirror = openMirror(dbPath);
// The baseline copies the database file as it is on disk, so fold the WAL in first.
mirror.sqlite.pragma('wal_checkpoint(TRUNCATE)');
const bytes = fs.statSync(dbPath).size;
const drive = path.join(work, 'drive');
fs.mkdirSync(drive);
const passphrase = 'Мектеп-95 резерв көчүрмө';
console.log(`Mirror ${dbPath}: ${(bytes / 1e6).toFixed(1)} MB; ${ROUNDS} rounds`);

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

const runs = {
  baseline: [] as number[],
  synced: [] as number[],
  full: [] as number[],
  quick: [] as number[],
};
const actor = { userId: 'bench', name: 'bench', role: 'admin' as const };
const copy = path.join(drive, 'copy.sqlite');
for (let round = 0; round < ROUNDS; round++) {
  runs.baseline.push(
    await timed(() => {
      execFileSync('cp', [dbPath, copy]);
      execFileSync('sha256sum', [copy]);
      return Promise.resolve();
    }),
  );
  fs.rmSync(copy);
  // The backup flushes its files to the medium; this baseline does too, for comparison.
  runs.synced.push(
    await timed(() => {
      execFileSync('cp', [dbPath, copy]);
      execFileSync('sync', [copy]);
      execFileSync('sha256sum', [copy]);
      return Promise.resolve();
    }),
  );
  fs.rmSync(copy);
  for (const check of ['full', 'quick'] as const) {
    let backupPath = '';
    runs[check].push(
      await timed(async () => {
        const result = await createBackup(mirror, {
          targetDir: drive,
          passphrase,
          actor,
          clock: systemClock,
          integrityCheck: check,
        });
        backupPath = result.backupPath;
      }),
    );
    fs.rmSync(backupPath, { recursive: true });
  }
}
mirror.close();

const base = median(runs.baseline);
printRow(['', 'median s', 'MB/s', 'ratio', 'runs (s)']);
const rows: [string, number[]][] = [
  ['cp + sha256sum', runs.baseline],
  ['cp + sync + sha256sum', runs.synced],
  ['backup (integrity_check)', runs.full],
  ['backup (quick_check)', runs.quick],
];
for (const [label, seconds] of rows) {
  const m = median(seconds);
  printRow([
    label,
    m.toFixed(2),
    (bytes / 1e6 / m).toFixed(0),
    (m / base).toFixed(2),
    seconds.map((s) => s.toFixed(2)).join(' '),
  ]);
}
console.log(`target: backup + verify ≤ ${TARGET_RATIO} × cp + sha256sum`);
fs.rmSync(work, { recursive: true, force: true });
