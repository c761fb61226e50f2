import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../../src/core/auth/users';
import { createBackup } from '../../src/core/backup/create-backup';
import type { CommandName, InputOf } from '../../src/shared/contract';
import type { JobView } from '../../src/shared/views';
import { testKdf } from '../backup/fixture';
import { startFakeKundoluk } from '../mirror/fake-kundoluk/server';
import { kundolukDataFromMirror } from '../mirror/fake-kundoluk/from-mirror';
import { copyWithUnknownStudent, writeJournalWorkbook } from '../mirror/journal-workbook';
import { callAs, SETUP, setUpApp, type AppFixture } from './fixture';

let app: AppFixture<'deputy'>;

const as = <N extends CommandName>(role: 'admin' | 'deputy', name: N, input: InputOf<N>) =>
  callAs(app.service, app.users[role], app.clock(), name, input);

async function settled(role: 'admin' | 'deputy', job: JobView): Promise<JobView> {
  return app.service.context.jobs.settled(job.id, actorOf(app.users[role]));
}

/** The small demo school, set up as the first run does, with a deputy and the admin. */
beforeAll(async () => {
  app = await setUpApp({ school: 'demo-small', now: '2025-11-20T08:00:00Z', roles: ['deputy'] });
});
afterAll(async () => {
  await app.close();
});

function classId(grade: number): number {
  const row = app.mirror.sqlite.prepare('SELECT id FROM class WHERE grade = ? ORDER BY letter').get(grade) as
    { id: number } | undefined;
  if (!row) throw new Error(`no class ${grade}`);
  return row.id;
}

describe("the deputies' sync through the contract", () => {
  it('imports a class journal workbook as a job and lists the run', async () => {
    const file = path.join(app.dir, '8А-1.xlsx');
    await writeJournalWorkbook(app.mirror, file, classId(8), 1);
    const job = await as('deputy', 'sync.workbook', { path: file, className: null, quarter: null });
    const done = await settled('deputy', job);
    expect(done.state).toBe('done');
    expect(done.result).toMatchObject({
      source: 'workbook',
      name: '8А-1.xlsx',
      added: 0,
      changed: 0,
      removed: 0,
    });
    const [run] = await as('admin', 'sync.runs', { limit: 5 });
    expect(run).toMatchObject({ source: 'workbook', name: '8А-1.xlsx', actor: 'Орунбасар Гүлнара' });
  });

  it('fails a workbook naming the file, the sheet and the cell, and changes nothing', async () => {
    const broken = await copyWithUnknownStudent(path.join(app.dir, '8А-1.xlsx'));
    const runsBefore = (await as('deputy', 'sync.runs', { limit: 50 })).length;
    const failed = await settled(
      'deputy',
      await as('deputy', 'sync.workbook', { path: broken.file, className: null, quarter: null }),
    );
    expect(failed.state).toBe('failed');
    expect(failed.error?.code).toBe('WORKBOOK_STUDENT');
    expect(failed.error?.details).toEqual({ file: '8А-1.xlsx', sheet: broken.sheet, cell: broken.cell });
    expect((await as('deputy', 'sync.runs', { limit: 50 })).length).toBe(runsBefore);
  });

  it('keeps the marks under an unreadable cell when asked to skip it, and says so in a warning', async () => {
    const file = path.join(app.dir, 'unreadable', '8А-1.xlsx');
    fs.mkdirSync(path.dirname(file));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(app.dir, '8А-1.xlsx'));
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    sheet.getCell('C4').value = true;
    await workbook.xlsx.writeFile(file);
    const input = { path: file, className: null, quarter: null };
    const refused = await settled('deputy', await as('deputy', 'sync.workbook', input));
    expect(refused.error?.details).toMatchObject({ cell: 'C4' });
    const done = await settled(
      'deputy',
      await as('deputy', 'sync.workbook', { ...input, skipUnreadable: true }),
    );
    expect(done.result).toMatchObject({
      removed: 0,
      warnings: [expect.stringContaining('cell C4: holds TRUE')],
    });
  });

  it('refuses a file that is not there before starting any work', async () => {
    await expect(
      as('deputy', 'sync.bundle', { path: path.join(app.dir, 'none.json') }),
    ).rejects.toMatchObject({
      code: 'FILE_NOT_FOUND',
    });
    await expect(
      as('deputy', 'sync.workbook', {
        path: path.join(app.dir, 'notes.txt'),
        className: null,
        quarter: null,
      }),
    ).rejects.toMatchObject({
      code: 'FILE_TYPE',
    });
  });

  it('says Kundoluk is not connected when no address and token are set', async () => {
    const job = await as('deputy', 'sync.kundoluk', { from: '2025-11-01', to: '2025-11-07' });
    const failed = await settled('deputy', job);
    expect(failed.error?.code).toBe('KUNDOLUK_NOT_SET');
  });
});

describe('sync from Kundoluk with the token kept in the settings', () => {
  it('sends the stored token to Kundoluk from the worker and never shows or logs it', async () => {
    const token = 'eyJ-app-token-never-shown';
    const fake = await startFakeKundoluk(token);
    try {
      const data = kundolukDataFromMirror(app.mirror);
      fake.lessons = data.lessons;
      fake.quarters = data.quarters;
      const {
        backupPassphraseSet: _p,
        kundolukTokenSet: _t,
        ...settings
      } = await as('admin', 'settings.get', {});
      await as('admin', 'settings.update', {
        ...settings,
        kundoluk: { mode: 'api', url: fake.url, login: null },
        kundolukToken: token,
      });
      const job = await as('deputy', 'sync.kundoluk', { from: '2025-09-01', to: '2025-09-30' });
      const done = await settled('deputy', job);
      expect(done.state).toBe('done');
      expect(fake.requests.length).toBeGreaterThan(0);
      expect(fake.requests.every((r) => r.authorization === `Bearer ${token}`)).toBe(true);
      const [run] = await as('deputy', 'sync.runs', { limit: 1 });
      expect(run).toMatchObject({
        source: 'kundoluk',
        // One run per week: the last is September's last week.
        name: `${new URL(fake.url).host} 2025-09-29 – 2025-09-30`,
      });
      const seen = JSON.stringify([done, run, await as('admin', 'settings.get', {})]);
      expect(seen).not.toContain(token);
      const audit = app.mirror.sqlite
        .prepare('SELECT group_concat(after_json) AS text FROM audit_log')
        .get() as { text: string };
      expect(audit.text).not.toContain(token);
    } finally {
      await fake.close();
    }
  });
});

describe('restore in the running app', () => {
  it('refuses a wrong passphrase without touching the mirror, then restores with the right one', async () => {
    const drive = path.join(app.dir, 'drive');
    fs.mkdirSync(drive);
    const { backupPath } = await createBackup(app.mirror, {
      targetDir: drive,
      passphrase: SETUP.backupPassphrase,
      actor: actorOf(app.users.deputy),
      clock: app.clock,
      keyDerivation: testKdf,
    });
    const { mirror } = app;
    mirror.run(mirror.db.updateTable('school').set({ name_ky: 'Кийин өзгөртүлгөн ат' }));
    const schoolName = async () => (await as('admin', 'app.status', {})).school?.nameKy;

    const wrongCheck = await settled(
      'admin',
      await as('admin', 'restore.verify', { backupDir: backupPath, passphrase: 'not it at all' }),
    );
    expect(wrongCheck.error?.code).toBe('BACKUP_WRONG_PASSPHRASE');
    const wrong = await settled(
      'admin',
      await as('admin', 'restore.run', {
        backupDir: backupPath,
        passphrase: 'not it at all',
        reason: 'Компьютердин диски бузулду',
      }),
    );
    expect(wrong.error?.code).toBe('BACKUP_WRONG_PASSPHRASE');
    expect(await schoolName()).toBe('Кийин өзгөртүлгөн ат');

    const check = await settled(
      'admin',
      await as('admin', 'restore.verify', { backupDir: backupPath, passphrase: SETUP.backupPassphrase }),
    );
    expect(check.state).toBe('done');
    const restored = await settled(
      'admin',
      await as('admin', 'restore.run', {
        backupDir: backupPath,
        passphrase: SETUP.backupPassphrase,
        reason: 'Компьютердин диски бузулду',
      }),
    );
    expect(restored.state).toBe('done');
    expect(restored.result).toMatchObject({
      preRestorePath: expect.stringContaining('pre-restore') as string,
    });
    // The same service reads the restored file: the name from before the change is back.
    expect(await schoolName()).toBe(SETUP.school.nameKy);
    const { uses } = await as('admin', 'registers.backups', { year: null });
    expect(uses.map((u) => [u.kind, u.result])).toEqual([
      ['inspect', 'failed'],
      ['restore', 'failed'],
      ['inspect', 'ok'],
      ['restore', 'ok'],
    ]);
  });

  it('lets the deputy check only the backups in the register; any other folder is for the admin', async () => {
    const drive = path.join(app.dir, 'drive-2');
    fs.mkdirSync(drive);
    const { backupPath } = await createBackup(app.mirror, {
      targetDir: drive,
      passphrase: SETUP.backupPassphrase,
      actor: actorOf(app.users.deputy),
      clock: app.clock,
      keyDerivation: testKdf,
    });
    const stray = path.join(app.dir, 'not-a-registered-backup');
    fs.cpSync(backupPath, stray, { recursive: true });
    const refused = await app.service.call(`deputy-verify`, 'restore.verify', {
      backupDir: stray,
      passphrase: SETUP.backupPassphrase,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    await expect(
      as('deputy', 'restore.verify', { backupDir: stray, passphrase: SETUP.backupPassphrase }),
    ).rejects.toMatchObject({ code: 'BACKUP_NOT_REGISTERED' });
    const registered = await settled(
      'deputy',
      await as('deputy', 'restore.verify', {
        backupDir: `${backupPath}/`,
        passphrase: SETUP.backupPassphrase,
      }),
    );
    expect(registered.state).toBe('done');
    const admin = await settled(
      'admin',
      await as('admin', 'restore.verify', { backupDir: stray, passphrase: SETUP.backupPassphrase }),
    );
    expect(admin.state).toBe('done');
  });
});
