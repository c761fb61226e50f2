/**
 * Registers and restore in the window, on the small demo school.
 *
 * 1. The archive register of a long-lived school (3,000 certified copies): one search through the
 *    contract (words and a status filter, as the secretary types them), beside a raw better-sqlite3
 *    SELECT of the same table with the same status filter.
 * 2. The whole archive register printed through the contract (registers.export) to XLSX and PDF,
 *    beside the register renderer called directly on the same layout.
 * 3. A restore in the running app (restore.run: verify, keep a pre-restore copy, carry the
 *    registers, swap the file under the open service), beside restoreBackup on a closed mirror as
 *    the command line does it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createAppService } from '../src/core/app/service';
import { actorOf, findUserByLogin } from '../src/core/auth/users';
import { createBackup } from '../src/core/backup/create-backup';
import { restoreBackup } from '../src/core/backup/restore-backup';
import { openMirror } from '../src/core/db/mirror';
import { renderRegisterPdf, renderRegisterXlsx } from '../src/core/documents';
import { addArchiveEntry } from '../src/core/registers/archive-register';
import { registerLayout } from '../src/core/registers/register-layouts';
import type { InputOf } from '../src/shared/contract';
import { SETUP } from '../tests/app/fixture';
import { secretary } from '../tests/support/actors';
import { tempDir } from '../tests/support/temp-dir';
import { writeSmallSchool } from '../tests/support/schools';
import { median, printRow } from './measure';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const LINES = 3000;
const PASSPHRASE = SETUP.backupPassphrase;
const dir = tempDir('moor-bench-registers-');

async function seconds(work: () => unknown): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

function row(label: string, measured: number[], baseline: number[]): void {
  const [m, b] = [median(measured), median(baseline)];
  printRow([label, `${(m * 1000).toFixed(1)} ms`, `${(b * 1000).toFixed(1)} ms`, `${(m / b).toFixed(2)}×`]);
}

const dbPath = writeSmallSchool(path.join(dir, 'mirror.sqlite'));
const service = createAppService({ mirror: openMirror(dbPath) });
const setup = await service.call('bench', 'setup.complete', SETUP);
if (!setup.ok) throw new Error(setup.error.message);
const mirror = service.context.mirror;
const adminUser = findUserByLogin(mirror, 'admin');
if (!adminUser) throw new Error('no admin');
service.context.sessions.open('bench', adminUser, new Date());

const seeding = await seconds(() => {
  for (let i = 0; i < LINES; i++) {
    const year = 2016 + Math.floor(i / 300);
    addArchiveEntry(mirror, {
      actor: secretary,
      classLabel: `${2 + (i % 10)}${'АБВ'[i % 3] ?? 'А'}`,
      periodLabel: `${year}–${year + 1}, ${1 + (i % 4)}-чейрек`,
      documentTitle: 'Класстын журналынын кагаз көчүрмөсү',
      documentRef: `Q${1 + (i % 4)}-${year}-${i}`,
      pages: 10 + (i % 7),
      receivedOn: `${year}-11-0${1 + (i % 9)}`,
      handedOverBy: 'Сыдыкова Гүлнара',
      receivedBy: 'Токтогулова Нуржан',
      stitched: i % 5 !== 0,
      stamped: true,
      directorSigned: true,
      folderNumber: `${year}/${1 + (i % 4)}`,
    });
  }
});
console.log(`archive register: ${LINES} lines entered in ${seeding.toFixed(1)} s (each audited)`);
printRow(['', 'through the app', 'baseline', 'ratio']);

const query: InputOf<'registers.archive'> = {
  search: '8б 2020/3',
  year: null,
  periodId: null,
  classId: null,
  status: 'notStitched',
  receivedFrom: null,
  receivedTo: null,
};
// The floor: the same rows from a statement prepared once, without the word search or the contract.
const rawSearch = mirror.sqlite.prepare(
  'SELECT * FROM archive_register WHERE stitched = 0 ORDER BY year, number',
);
const searched: number[] = [];
const raw: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  searched.push(
    await seconds(async () => {
      const result = await service.call('bench', 'registers.archive', query);
      if (!result.ok) throw new Error(result.error.message);
    }),
  );
  raw.push(await seconds(() => rawSearch.all()));
}
row('archive search', searched, raw);

for (const format of ['xlsx', 'pdf'] as const) {
  const viaApp: number[] = [];
  const direct: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    viaApp.push(
      await seconds(async () => {
        const result = await service.call('bench', 'registers.export', {
          kind: 'archive',
          year: null,
          archive: null,
          language: 'ky',
          outPath: path.join(dir, `app.${format}`),
        });
        if (!result.ok) throw new Error(result.error.message);
      }),
    );
    direct.push(
      await seconds(async () => {
        const layout = registerLayout(mirror, { kind: 'archive', language: 'ky', createdAt: new Date() });
        const target = path.join(dir, `direct.${format}`);
        await (format === 'pdf' ? renderRegisterPdf(layout, target) : renderRegisterXlsx(layout, target));
      }),
    );
  }
  row(`archive to ${format}`, viaApp, direct);
}

const drive = path.join(dir, 'drive');
fs.mkdirSync(drive);
const { backupPath } = await createBackup(mirror, {
  targetDir: drive,
  passphrase: PASSPHRASE,
  actor: actorOf(adminUser),
  clock: () => new Date(),
});
const inApp: number[] = [];
const offline: number[] = [];
const copyPath = path.join(dir, 'offline.sqlite');
const restoreRounds = Math.max(1, Math.min(ROUNDS, 3));
for (let r = 0; r < restoreRounds; r++) {
  inApp.push(
    await seconds(async () => {
      const started = await service.call('bench', 'restore.run', {
        backupDir: backupPath,
        passphrase: PASSPHRASE,
        reason: 'Бенчмарк',
      });
      if (!started.ok) throw new Error(started.error.message);
      const done = await service.context.jobs.settled(started.value.id, actorOf(adminUser));
      if (done.state !== 'done') throw new Error(done.error?.message ?? done.state);
    }),
  );
  fs.copyFileSync(dbPath, copyPath);
  offline.push(
    await seconds(() =>
      restoreBackup({
        backupDir: backupPath,
        passphrase: PASSPHRASE,
        dbPath: copyPath,
        actor: actorOf(adminUser),
        clock: () => new Date(),
        reason: 'Бенчмарк',
      }),
    ),
  );
}
row('restore', inApp, offline);
console.log(
  `mirror ${(fs.statSync(dbPath).size / 1024 / 1024).toFixed(1)} MB; rounds ${ROUNDS} (restore ${restoreRounds})`,
);
await service.context.jobs.stopAll();
mirror.close();
