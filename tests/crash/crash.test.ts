import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/core/audit/verify-chain';
import { createBackup } from '../../src/core/backup/create-backup';
import { cleanBackupLeftovers, cleanLeftoversAtStart } from '../../src/core/backup/leftovers';
import { restoreBackup } from '../../src/core/backup/restore-backup';
import { verifyBackup } from '../../src/core/backup/verify-backup';
import { fixedClock, systemClock } from '../../src/core/clock';
import { startClose } from '../../src/core/close/start-close';
import { openMirror, type Mirror } from '../../src/core/db/mirror';
import { printSchool } from '../../src/core/documents/class-copy/print-school';
import { isMoorError } from '../../src/core/errors';
import { listBackupRegister } from '../../src/core/registers/backup-register';
import { exportBundleFile, syncBundleFile } from '../../src/core/mirror/sync-bundle';
import { syncKundoluk } from '../../src/core/mirror/sync-kundoluk';
import { syncWorkbookFile } from '../../src/core/mirror/sync-workbook';
import { PASSPHRASE, schoolName, smallMirror, testKdf } from '../backup/fixture';
import { tempDir } from '../support/temp-dir';
import { writeJournalWorkbook } from '../mirror/journal-workbook';
import { kundolukDataFromMirror } from '../mirror/fake-kundoluk/from-mirror';
import { startFakeKundoluk, type FakeKundoluk } from '../mirror/fake-kundoluk/server';
import { buildCrashChild, runChild, seeded } from './crash-harness';
import { crashActor, crashAdmin, type CrashParams } from './crash-operations';

/** Kills per operation: 10 in the everyday run; `CRASH_KILLS=100` for the long campaign (README). */
const KILLS = Number(process.env.CRASH_KILLS ?? 10);
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
const random = seeded(SEED);
const context = { actor: crashActor, clock: systemClock };

let base: string;
let script: string;
let demo: string;
let bundle: string;
let workbook: string;
let backup: string;
let periodId: number;
let classId: number;
let kundoluk: FakeKundoluk;
let septemberMarks: number;

const KUNDOLUK_TOKEN = 'eyJ-crash-token';
/** September from Kundoluk, week by week, as on 20 November (the term answers serve only the current year). */
const KUNDOLUK_SYNC = {
  token: KUNDOLUK_TOKEN,
  from: '2025-09-01',
  to: '2025-09-30',
  now: '2025-11-20T09:00:00Z',
};
const SEPTEMBER_MARKS =
  "SELECT count(*) FROM mark WHERE lesson_id IN (SELECT id FROM lesson WHERE date BETWEEN '2025-09-01' AND '2025-09-30')";

beforeAll(async () => {
  // Inside the project, so the built child finds the packages in node_modules.
  base = fs.mkdtempSync(path.resolve(import.meta.dirname, '../../.tmp-crash-'));
  script = await buildCrashChild(base);
  const dir = tempDir();
  demo = path.join(dir, 'demo.sqlite');
  const mirror = smallMirror(demo, 'before');
  periodId = (
    mirror.sqlite.prepare("SELECT id FROM reporting_period WHERE kind = 'quarter' AND number = 1").get() as {
      id: number;
    }
  ).id;
  classId = (
    mirror.sqlite.prepare('SELECT id FROM class WHERE grade = 8 ORDER BY letter').get() as { id: number }
  ).id;
  bundle = path.join(dir, 'school.json');
  exportBundleFile(mirror, bundle, new Date('2025-11-20T08:00:00Z'));
  workbook = path.join(dir, '8А-1.xlsx');
  await writeJournalWorkbook(mirror, workbook, classId, 1);
  kundoluk = await startFakeKundoluk(KUNDOLUK_TOKEN);
  Object.assign(kundoluk, kundolukDataFromMirror(mirror));
  septemberMarks = mirror.sqlite.prepare(SEPTEMBER_MARKS).pluck().get() as number;
  const drive = path.join(dir, 'drive');
  fs.mkdirSync(drive);
  mirror.run(mirror.db.updateTable('school').set({ name_ky: '№95 гимназия (after)' }));
  backup = (
    await createBackup(mirror, {
      targetDir: drive,
      passphrase: PASSPHRASE,
      keyDerivation: testKdf,
      ...context,
    })
  ).backupPath;
  mirror.run(mirror.db.updateTable('school').set({ name_ky: '№95 гимназия (before)' }));
  mirror.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  mirror.close();
}, 600_000);

afterAll(async () => {
  fs.rmSync(base, { recursive: true, force: true });
  await kundoluk.close();
});

interface Case {
  params: CrashParams;
  /** The operation again, in this process, after the kill: it must succeed. */
  again: (mirror: Mirror) => Promise<unknown>;
}

/** A fresh mirror and folders for one run of an operation. */
function prepare(operation: string): Case {
  const dir = tempDir();
  const db = path.join(dir, 'mirror.sqlite');
  const out = path.join(dir, 'printed');
  const drive = path.join(dir, 'drive');
  const work = path.join(dir, 'work');
  for (const folder of [out, drive, work]) fs.mkdirSync(folder);
  if (operation === 'sync-bundle') {
    openMirror(db, { create: true }).close();
  } else {
    fs.copyFileSync(demo, db);
  }
  if (operation === 'sync-workbook') {
    const mirror = openMirror(db);
    mirror.sqlite
      .prepare('DELETE FROM mark WHERE lesson_id IN (SELECT id FROM lesson WHERE class_id = ? AND date < ?)')
      .run(classId, '2025-10-01');
    mirror.close();
  }
  if (operation === 'sync-kundoluk') {
    // September's marks are gone from the mirror: the sync brings them back week by week.
    const mirror = openMirror(db);
    mirror.sqlite.exec(`DELETE FROM mark WHERE id IN (${SEPTEMBER_MARKS.replace('count(*)', 'id')})`);
    mirror.close();
  }
  const params: CrashParams = { db, out, drive, work, file: operation === 'sync-bundle' ? bundle : workbook };
  Object.assign(params, { passphrase: PASSPHRASE, backup, periodId, classIds: [classId] });
  params.kundoluk = { url: kundoluk.url, ...KUNDOLUK_SYNC };
  const again: Record<string, Case['again']> = {
    'sync-bundle': (m) => Promise.resolve(syncBundleFile(m, bundle, context)),
    'sync-workbook': (m) => syncWorkbookFile(m, workbook, {}, context),
    'sync-kundoluk': async (m) => {
      const { now, ...range } = KUNDOLUK_SYNC;
      // The weeks written before the kill stay; the sync goes on from the first unwritten one.
      await syncKundoluk(
        m,
        { baseUrl: kundoluk.url, ...range, resume: true },
        { actor: crashActor, clock: fixedClock(now) },
      );
      const marks = m.sqlite.prepare(SEPTEMBER_MARKS).pluck().get() as number;
      if (marks !== septemberMarks)
        throw new Error(`${marks} of September's ${septemberMarks} marks after --resume`);
    },
    print: (m) => printSchool(m, { periodId, classIds: [classId], outDir: out, workers: 0, ...context }),
    backup: (m) =>
      createBackup(m, {
        targetDir: drive,
        workDir: work,
        passphrase: PASSPHRASE,
        keyDerivation: testKdf,
        ...context,
      }),
    verify: () =>
      verifyBackup({
        backupDir: backup,
        passphrase: PASSPHRASE,
        workDir: work,
        actor: crashActor,
        clock: systemClock,
      }),
    'close-start': (m) =>
      Promise.resolve().then(() => {
        try {
          startClose(m, { periodId }, crashActor, systemClock);
        } catch (error) {
          // Killed after its commit: the close is there once, as it should be.
          if (!(isMoorError(error) && error.code === 'CLOSE_ALREADY_STARTED')) throw error;
        }
      }),
  };
  return { params, again: again[operation] ?? (() => Promise.resolve()) };
}

interface Tally {
  kills: number;
  corruptions: number;
  failedRecoveries: number;
  leftovers: number;
  notes: string[];
}

function intact(mirror: Mirror): string | undefined {
  const check = mirror.sqlite.pragma('integrity_check', { simple: true });
  if (check !== 'ok') return `integrity_check: ${String(check)}`;
  const audit = verifyAuditChain(mirror);
  return audit.ok ? undefined : `audit: ${audit.problems.map((p) => p.kind).join(', ')}`;
}

/** What is still lying around after the next start and before the next backup and print. */
function leftovers(params: CrashParams, mirror: Mirror): string[] {
  const found: string[] = [];
  const folder = path.dirname(params.db);
  found.push(...fs.readdirSync(params.work ?? '').map((f) => `snapshot ${f}`));
  found.push(
    ...fs.readdirSync(folder).filter((f) => f.includes('.restoring-') || f.startsWith('.moor-backup-')),
  );
  found.push(...fs.readdirSync(params.drive ?? '').filter((f) => f.endsWith('.partial')));
  found.push(
    ...fs
      .readdirSync(params.out ?? '', { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.part')),
  );
  found.push(...listBackupRegister(mirror, { status: 'writing' }).map((l) => `line ${l.number} writing`));
  return found;
}

/** No backup cut short is listed as good: every line listed as verified reads back whole. */
async function backupsTrue(mirror: Mirror): Promise<string | undefined> {
  for (const line of listBackupRegister(mirror, { status: 'verified' })) {
    try {
      await verifyBackup({
        backupDir: line.path,
        passphrase: PASSPHRASE,
        actor: crashActor,
        clock: systemClock,
      });
    } catch (error) {
      return `backup ${line.number} listed as verified does not verify: ${String(error)}`;
    }
  }
  return undefined;
}

async function campaign(operation: string): Promise<Tally> {
  const tally: Tally = { kills: 0, corruptions: 0, failedRecoveries: 0, leftovers: 0, notes: [] };
  const first = prepare(operation);
  const whole = await runChild(script, operation, first.params);
  const span = Math.max(whole.workMs, 1) * 1.2;
  for (let attempt = 0; tally.kills < KILLS && attempt < KILLS * 4; attempt++) {
    const run = prepare(operation);
    const result = await runChild(script, operation, run.params, Math.floor(random() * span));
    if (!result.killed) continue;
    tally.kills += 1;
    if (operation === 'restore') {
      const name = schoolName(run.params.db);
      if (!name.endsWith('(before)') && !name.endsWith('(after)')) {
        tally.corruptions += 1;
        tally.notes.push(`restore left "${name}"`);
      }
    }
    const mirror = openMirror(run.params.db);
    try {
      const broken = intact(mirror);
      if (broken !== undefined) {
        tally.corruptions += 1;
        tally.notes.push(broken);
      }
      await cleanLeftoversAtStart(mirror, { clock: systemClock, printFolder: run.params.out ?? '' });
      await cleanBackupLeftovers(mirror, {
        clock: systemClock,
        targetDir: run.params.drive,
        workDir: run.params.work,
      });
      const left = leftovers(run.params, mirror);
      tally.leftovers += left.length;
      tally.notes.push(...left);
      const untrue = await backupsTrue(mirror);
      if (untrue !== undefined) {
        tally.corruptions += 1;
        tally.notes.push(untrue);
      }
      if (operation === 'restore') {
        mirror.close();
        await restoreBackup({
          backupDir: backup,
          dbPath: run.params.db,
          passphrase: PASSPHRASE,
          actor: crashAdmin,
          clock: systemClock,
          reason: 'after a crash',
        });
      } else {
        await run.again(mirror);
      }
    } catch (error) {
      tally.failedRecoveries += 1;
      tally.notes.push(`again: ${String(error)}`);
    } finally {
      if (mirror.sqlite.open) mirror.close();
    }
    const after = openMirror(run.params.db);
    const broken = intact(after);
    after.close();
    if (broken !== undefined) {
      tally.corruptions += 1;
      tally.notes.push(`after again: ${broken}`);
    }
  }
  console.log(
    `crash ${operation}: seed ${SEED}, ${tally.kills} kills, ${tally.corruptions} corruptions, ` +
      `${tally.failedRecoveries} failed recoveries, ${tally.leftovers} leftovers`,
  );
  return tally;
}

describe('killed at a random moment', () => {
  const operations = [
    'sync-bundle',
    'sync-workbook',
    'sync-kundoluk',
    'print',
    'backup',
    'verify',
    'restore',
    'close-start',
  ];
  for (const operation of operations) {
    it(`${operation}: the mirror stays whole, nothing is left behind, and the operation runs again`, async () => {
      const tally = await campaign(operation);
      expect(tally.notes).toEqual([]);
      expect(tally.kills).toBe(KILLS);
    }, 1_800_000);
  }
});
