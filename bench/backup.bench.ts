/**
 * A backup of everything — the large demo mirror and the printed copies of its first quarter (the
 * print folder: every class's PDF and XLSX and the merged print-shop PDF) — beside what the same
 * files cost the command line, in alternating rounds of one run:
 *
 *   cp + sha256sum                      the files copied to the drive folder and hashed
 *   cp + sync + sha256sum               the same, flushed to the medium first, as a backup is
 *   tar | openssl aes-256-ctr + dec     the encrypt-and-hash floor: one stream encrypted to the
 *     + sha256sum                       drive, then decrypted and hashed
 *   backup (quick_check)                createBackup: snapshot, encryption, write, fsync, rename,
 *                                       read-back of every stored byte and the snapshot's quick_check
 *   verify (full)                       verifyBackup of that backup: every file decrypted and
 *                                       authenticated, the database's full integrity_check
 *
 * Each row prints its minimum and median; the ratios are of medians (and minimums) to the first row.
 * Target: backup ≤ 2 × cp + sha256sum.
 *
 *   npx tsx bench/backup.bench.ts [--db FILE] [--copies DIR]
 *     without --db the large school is generated; without --copies its quarter 1 is printed first.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBackup } from '../src/core/backup/create-backup';
import { verifyBackup } from '../src/core/backup/verify-backup';
import { listDocuments } from '../src/core/backup/snapshot';
import { systemClock } from '../src/core/clock';
import { openMirror } from '../src/core/db/mirror';
import { printSchool } from '../src/core/documents';
import { admin, deputy } from '../tests/support/actors';
import { tempDir } from '../tests/support/temp-dir';
import { writeLargeSchool } from './large-school';
import { median, printRow } from './measure';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TARGET_RATIO = 2;
const { values } = parseArgs({ options: { db: { type: 'string' }, copies: { type: 'string' } } });
const work = tempDir('moor-bench-backup-');
const passphrase = 'Мектеп-95 резерв көчүрмө';

const dbPath = values.db ?? writeLargeSchool(work);
const mirror = openMirror(dbPath);
const copies = values.copies ?? (await printCopies());
// The baselines copy the database file as it is on disk, so fold the WAL in first.
mirror.sqlite.pragma('wal_checkpoint(TRUNCATE)');
const documents = await listDocuments(copies);
const documentBytes = documents.reduce((sum, d) => sum + fs.statSync(path.join(copies, d)).size, 0);
const bytes = fs.statSync(dbPath).size + documentBytes;
const drive = path.join(work, 'drive');
fs.mkdirSync(drive);
console.log(
  `Mirror ${(fs.statSync(dbPath).size / 1e6).toFixed(1)} MB + ${documents.length} printed files ` +
    `${(documentBytes / 1e6).toFixed(1)} MB = ${(bytes / 1e6).toFixed(1)} MB; ${ROUNDS} rounds`,
);

/** Prints quarter 1 of the school once, on the calling thread, into the benchmark's folder. */
async function printCopies(): Promise<string> {
  const period = mirror.first(
    mirror.db
      .selectFrom('reporting_period')
      .select('id')
      .where('kind', '=', 'quarter')
      .orderBy('starts_on')
      .limit(1),
  );
  if (!period) throw new Error('the school has no quarter to print');
  const outDir = path.join(work, 'copies');
  const started = performance.now();
  const printed = await printSchool(mirror, {
    periodId: period.id,
    outDir,
    actor: deputy,
    clock: systemClock,
    workers: 0,
  });
  console.log(
    `Quarter 1 printed in ${((performance.now() - started) / 1000).toFixed(1)} s: ${printed.pages} pages in ${outDir}`,
  );
  return outDir;
}

/** CPU seconds used by this process (all its threads) and by the children it has waited for. */
function cpuSeconds(): number {
  const own = process.cpuUsage();
  // /proc/self/stat fields 16 and 17: children's user and system time, in clock ticks (100 a second).
  const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  const children = (Number(fields[13]) + Number(fields[14])) / 100;
  return (own.user + own.system) / 1e6 + children;
}

const shell = (script: string) =>
  execFileSync('sh', ['-c', script], { stdio: ['ignore', 'ignore', 'inherit'] });
const quoted = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
const plain = path.join(drive, 'plain');
const stream = path.join(drive, 'stream.enc');
const source = {
  dir: path.dirname(dbPath),
  db: path.basename(dbPath),
};
// The same files every row takes: the database and the print folder.
const copyAll = `mkdir -p ${quoted(plain)} && cp ${quoted(dbPath)} ${quoted(plain)}/ && cp -r ${quoted(copies)} ${quoted(plain)}/copies`;
const hashAll = `find ${quoted(plain)} -type f -print0 | xargs -0 sha256sum > /dev/null`;
const openssl = `openssl enc -aes-256-ctr -pbkdf2 -pass pass:bench`;

let lastBackup = '';
const rows = {
  'cp + sha256sum': () => {
    shell(`${copyAll} && ${hashAll}`);
    fs.rmSync(plain, { recursive: true });
  },
  'cp + sync + sha256sum': () => {
    shell(`${copyAll} && sync -f ${quoted(plain)} && ${hashAll}`);
    fs.rmSync(plain, { recursive: true });
  },
  'tar|openssl enc+dec': () => {
    shell(
      `tar -cf - -C ${quoted(source.dir)} ${quoted(source.db)} -C ${quoted(path.dirname(copies))} ${quoted(path.basename(copies))}` +
        ` | ${openssl} -out ${quoted(stream)} && ${openssl} -d -in ${quoted(stream)} | sha256sum > /dev/null`,
    );
    fs.rmSync(stream);
  },
  'backup (quick_check)': async () => {
    if (lastBackup !== '') fs.rmSync(lastBackup, { recursive: true });
    const result = await createBackup(mirror, {
      targetDir: drive,
      passphrase,
      actor: admin,
      clock: systemClock,
      documentsDir: copies,
    });
    lastBackup = result.backupPath;
  },
  'verify (full)': async () => {
    await verifyBackup({ backupDir: lastBackup, passphrase, actor: admin, clock: systemClock });
  },
} satisfies Record<string, () => unknown>;
type Row = keyof typeof rows;
const names = Object.keys(rows) as Row[];
const wall = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<Row, number[]>;
const cpu = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<Row, number[]>;

for (let round = 0; round < ROUNDS; round++) {
  // Alternating: the command-line rows and Мөөр's take turns going first, so neither always meets a
  // warm or a cold page cache. `verify` always follows the backup it reads.
  const order: Row[] =
    round % 2 === 0
      ? [
          'cp + sha256sum',
          'cp + sync + sha256sum',
          'tar|openssl enc+dec',
          'backup (quick_check)',
          'verify (full)',
        ]
      : [
          'backup (quick_check)',
          'verify (full)',
          'tar|openssl enc+dec',
          'cp + sync + sha256sum',
          'cp + sha256sum',
        ];
  for (const name of order) {
    const started = performance.now();
    const cpuStarted = cpuSeconds();
    await rows[name]();
    wall[name].push((performance.now() - started) / 1000);
    cpu[name].push(cpuSeconds() - cpuStarted);
  }
}
mirror.close();

const min = (list: number[]) => Math.min(...list);
const base = { median: median(wall['cp + sha256sum']), min: min(wall['cp + sha256sum']) };
printRow(['', 'min s', 'median s', 'MB/s (median)', 'ratio median', 'ratio min', 'CPU s', 'runs (s)']);
for (const name of names) {
  const m = median(wall[name]);
  printRow([
    name,
    min(wall[name]).toFixed(2),
    m.toFixed(2),
    (bytes / 1e6 / m).toFixed(0),
    (m / base.median).toFixed(2),
    (min(wall[name]) / base.min).toFixed(2),
    median(cpu[name]).toFixed(2),
    wall[name].map((s) => s.toFixed(2)).join(' '),
  ]);
}
console.log(
  `load average at the end: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${os.cpus().length} cores`,
);
console.log(`target: backup (written and verified) ≤ ${TARGET_RATIO} × cp + sha256sum of the same files`);
