/**
 * Backup + verify of the large demo mirror (createBackup: online snapshot, encryption, write, fsync,
 * rename, full read-back with every hash, and the integrity check: SQLite's quick_check by default,
 * its integrity_check with --full-check) beside `cp` + `sha256sum` of the
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
import { admin } from '../tests/support/actors';
import { tempDir } from '../tests/support/temp-dir';
import { writeLargeSchool } from './large-school';
import { median, printRow } from './measure';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TARGET_RATIO = 2;
const { values } = parseArgs({ options: { db: { type: 'string' } } });
const work = tempDir('moor-bench-backup-');

const dbPath = values.db ?? writeLargeSchool(work);

const mirror = openMirror(dbPath);
// The baseline copies the database file as it is on disk, so fold the WAL in first.
mirror.sqlite.pragma('wal_checkpoint(TRUNCATE)');
const bytes = fs.statSync(dbPath).size;
const drive = path.join(work, 'drive');
fs.mkdirSync(drive);
const passphrase = 'Мектеп-95 резерв көчүрмө';
console.log(`Mirror ${dbPath}: ${(bytes / 1e6).toFixed(1)} MB; ${ROUNDS} rounds`);

/** CPU seconds used by this process (all its threads) and by the children it has waited for. */
function cpuSeconds(): number {
  const own = process.cpuUsage();
  // /proc/self/stat fields 16 and 17: children's user and system time, in clock ticks (100 a second).
  const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  const children = (Number(fields[13]) + Number(fields[14])) / 100;
  return (own.user + own.system) / 1e6 + children;
}

/** Wall-clock and CPU seconds of one run: on a busy machine the CPU figure is the steadier one. */
async function timed(label: keyof typeof runs, work: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  const cpuStarted = cpuSeconds();
  await work();
  runs[label].push((performance.now() - started) / 1000);
  cpu[label].push(cpuSeconds() - cpuStarted);
}

const runs = {
  baseline: [] as number[],
  synced: [] as number[],
  quick: [] as number[],
  full: [] as number[],
};
const cpu: typeof runs = { baseline: [], synced: [], quick: [], full: [] };
const copy = path.join(drive, 'copy.sqlite');
for (let round = 0; round < ROUNDS; round++) {
  await timed('baseline', () => {
    execFileSync('cp', [dbPath, copy]);
    execFileSync('sha256sum', [copy]);
    return Promise.resolve();
  });
  fs.rmSync(copy);
  // The backup flushes its files to the medium; this baseline does too, for comparison.
  await timed('synced', () => {
    execFileSync('cp', [dbPath, copy]);
    execFileSync('sync', [copy]);
    execFileSync('sha256sum', [copy]);
    return Promise.resolve();
  });
  fs.rmSync(copy);
  for (const check of ['quick', 'full'] as const) {
    let backupPath = '';
    await timed(check, async () => {
      const result = await createBackup(mirror, {
        targetDir: drive,
        passphrase,
        actor: admin,
        clock: systemClock,
        integrityCheck: check,
      });
      backupPath = result.backupPath;
    });
    fs.rmSync(backupPath, { recursive: true });
  }
}
mirror.close();

const base = median(runs.baseline);
const baseCpu = median(cpu.baseline);
printRow(['', 'median s', 'MB/s', 'ratio', 'CPU s', 'CPU ratio', 'runs (s)']);
const rows: [string, keyof typeof runs][] = [
  ['cp + sha256sum', 'baseline'],
  ['cp + sync + sha256sum', 'synced'],
  ['backup (quick_check)', 'quick'],
  ['backup --full-check', 'full'],
];
for (const [label, key] of rows) {
  const m = median(runs[key]);
  const c = median(cpu[key]);
  printRow([
    label,
    m.toFixed(2),
    (bytes / 1e6 / m).toFixed(0),
    (m / base).toFixed(2),
    c.toFixed(2),
    (c / baseCpu).toFixed(2),
    runs[key].map((s) => s.toFixed(2)).join(' '),
  ]);
}
console.log(
  `load average at the end: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${os.cpus().length} cores`,
);
console.log(`target: backup + verify ≤ ${TARGET_RATIO} × cp + sha256sum`);
