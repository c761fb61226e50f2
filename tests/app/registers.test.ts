import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppService } from '../../src/core/app/service';
import type { Role } from '../../src/core/auth/actor';
import { actorOf } from '../../src/core/auth/users';
import { openMirror } from '../../src/core/db/mirror';
import { addArchiveEntry } from '../../src/core/registers/archive-register';
import { recordHandover } from '../../src/core/registers/handover-log';
import type { CommandName, InputOf } from '../../src/shared/contract';
import { tempDir } from '../support/temp-dir';
import { callAs, refusalAs, setUpApp, SETUP, type AppFixture } from './fixture';

let app: AppFixture;
let out: string;

const as = <N extends CommandName>(role: Role, name: N, input: InputOf<N>) =>
  callAs(app.service, app.users[role], app.clock(), name, input);
const failure = <N extends CommandName>(role: Role, name: N, input: InputOf<N>) =>
  refusalAs(app.service, app.users[role], app.clock(), name, input);

const allLines: InputOf<'registers.archive'> = {
  search: '',
  year: null,
  periodId: null,
  classId: null,
  status: 'all',
  receivedFrom: null,
  receivedTo: null,
};

beforeAll(async () => {
  app = await setUpApp();
  out = tempDir('moor-registers-');
  const secretary = actorOf(app.users.secretary);
  const line = (classLabel: string, receivedOn: string, extra: object = {}) =>
    addArchiveEntry(app.mirror, {
      actor: secretary,
      clock: app.clock,
      classLabel,
      periodId: 1,
      documentTitle: 'Класстын журналынын кагаз көчүрмөсү',
      pages: 12,
      receivedOn,
      handedOverBy: 'Орунбасар Гүлнара',
      receivedBy: 'Катчы Нуржан',
      ...extra,
    });
  line('5А', '2025-11-03', { stitched: true, stamped: true, directorSigned: true, folderNumber: '04-1' });
  line('5Б', '2025-11-03');
  line('8А', '2025-11-04', { stamped: true });
  line('9В', '2026-01-15');
});
afterAll(async () => {
  await app.close();
});

describe('the archive register through the contract', () => {
  it('finds lines by words (Cyrillic, any case), by status and by the date received', async () => {
    const found = await as('secretary', 'registers.archive', { ...allLines, search: '8а' });
    expect(found.entries.map((e) => e.classLabel)).toEqual(['8А']);
    expect(found.years).toEqual([2026, 2025]);
    const unstitched = await as('secretary', 'registers.archive', { ...allLines, status: 'notStitched' });
    expect(unstitched.entries.map((e) => e.classLabel)).toEqual(['5Б', '8А', '9В']);
    const complete = await as('director', 'registers.archive', { ...allLines, status: 'complete' });
    expect(complete.entries.map((e) => e.classLabel)).toEqual(['5А']);
    const november = await as('deputy', 'registers.archive', {
      ...allLines,
      receivedFrom: '2025-11-04',
      receivedTo: '2025-12-31',
    });
    expect(november.entries.map((e) => e.classLabel)).toEqual(['8А']);
    const of2026 = await as('admin', 'registers.archive', { ...allLines, year: 2026 });
    expect(of2026.entries.map((e) => [e.classLabel, e.number])).toEqual([['9В', 1]]);
  });

  it('lets the secretary set the folder, place and stitching, audited, and refuses a taken number', async () => {
    const [line] = (await as('secretary', 'registers.archive', { ...allLines, search: '5Б' })).entries;
    if (!line) throw new Error('no 5Б line');
    const changed = await as('secretary', 'registers.updateArchive', {
      id: line.id,
      folderNumber: '04-1',
      storagePlace: 'Архив, 2-текче',
      stitched: true,
    });
    expect([changed.folderNumber, changed.storagePlace, changed.stitched]).toEqual([
      '04-1',
      'Архив, 2-текче',
      true,
    ]);
    const audit = app.mirror.sqlite
      .prepare("SELECT actor, after_json FROM audit_log WHERE action = 'archive.update' ORDER BY id DESC")
      .get() as { actor: string; after_json: string };
    expect(audit.actor).toContain('secretary');
    expect(audit.after_json).toContain('Архив, 2-текче');
    const taken = await failure('secretary', 'registers.updateArchive', { id: line.id, number: 1 });
    expect(taken.code).toBe('ARCHIVE_NUMBER_TAKEN');
    expect((await failure('deputy', 'registers.updateArchive', { id: line.id, stitched: false })).code).toBe(
      'FORBIDDEN',
    );
  });

  it('prints the lines found on screen to Excel through the register renderer, read back', async () => {
    const file = path.join(out, 'archive.xlsx');
    const written = await as('secretary', 'registers.export', {
      kind: 'archive',
      year: null,
      archive: { ...allLines, search: '04-1' },
      language: 'ky',
      outPath: file,
    });
    expect(written).toEqual({ path: file, rows: 2 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const text = JSON.stringify(book.worksheets.map((s) => s.getSheetValues()));
    expect(text).toContain('5А');
    expect(text).toContain('5Б');
    expect(text).not.toContain('9В');
    expect(text).toContain('Күбөлөндүрүлгөн көчүрмөлөрдүн архивдик реестри');
  });

  it('names what is wrong with the path of a printout and writes nothing', async () => {
    const relative = await failure('secretary', 'registers.export', {
      kind: 'handover',
      year: null,
      archive: null,
      language: null,
      outPath: 'archive.pdf',
    });
    expect(relative.code).toBe('EXPORT_RELATIVE_PATH');
    const badType = await failure('secretary', 'registers.export', {
      kind: 'backup',
      year: 2026,
      archive: null,
      language: 'ru',
      outPath: path.join(out, 'backup.docx'),
    });
    expect(badType.message).toContain('.pdf or .xlsx');
    expect(fs.existsSync(path.join(out, 'backup.docx'))).toBe(false);
  });

  it('says a folder that cannot be written is read-only, naming it, in the coded words the window translates', async () => {
    const readOnly = path.join(out, 'write-protected');
    fs.mkdirSync(readOnly);
    // A read-only RAM disk, as a write-protected stick is: root, as the tests run, may not write there either.
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=64k', 'tmpfs', readOnly]);
    try {
      const refused = await failure('secretary', 'registers.export', {
        kind: 'handover',
        year: null,
        archive: null,
        language: 'ky',
        outPath: path.join(readOnly, 'handover.pdf'),
      });
      expect(refused.code).toBe('EXPORT_FOLDER_READONLY');
      expect(refused.details).toMatchObject({ where: readOnly, errno: 'EROFS' });
      expect(fs.readdirSync(readOnly)).toEqual([]);
    } finally {
      execFileSync('umount', [readOnly]);
    }
  });

  it('lists the folder inventory of a quarter with the classes still missing', async () => {
    const inventory = await as('secretary', 'registers.inventory', { periodId: 1 });
    expect(inventory.lines.map((l) => l.classLabel)).toEqual(['5А', '5Б', '8А', '9В']);
    expect(inventory.totalPages).toBe(48);
    expect(inventory.folderNumbers).toEqual(['04-1']);
  });

  it("prints a folder's inventory in Russian to Excel, with the page total and the classes missing", async () => {
    const file = path.join(out, 'inventory.xlsx');
    const written = await as('director', 'registers.exportInventory', {
      periodId: 1,
      language: 'ru',
      outPath: file,
    });
    expect(written.rows).toBe(4);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const text = JSON.stringify(book.worksheets.map((s) => s.getSheetValues()));
    expect(text).toContain('Опись документов дела');
    expect(text).toContain('Всего листов: 48');
    expect(text).toContain('Дело №: 04-1');
    expect(text).toContain('9В');
  });

  it('finds hand-overs by the school day they happened on and by words', async () => {
    const deputy = actorOf(app.users.deputy);
    for (const [at, description] of [
      ['2025-11-03T04:30:00Z', '5А, 5Б класстарынын 1-чейрек көчүрмөлөрү'],
      ['2025-11-04T09:00:00Z', '8А классынын 1-чейрек көчүрмөсү'],
    ] as const) {
      recordHandover(app.mirror, {
        actor: deputy,
        at,
        description,
        toName: 'Катчы Нуржан',
        copies: 2,
        pages: 24,
      });
    }
    const all = await as('director', 'registers.handovers', { from: null, to: null, search: '' });
    expect(all.map((h) => [h.fromName, h.toName, h.copies])).toEqual([
      ['Орунбасар Гүлнара', 'Катчы Нуржан', 2],
      ['Орунбасар Гүлнара', 'Катчы Нуржан', 2],
    ]);
    const onFourth = await as('secretary', 'registers.handovers', {
      from: '2025-11-04',
      to: '2025-11-04',
      search: '',
    });
    expect(onFourth.map((h) => h.description)).toEqual(['8А классынын 1-чейрек көчүрмөсү']);
    const byWord = await as('secretary', 'registers.handovers', { from: null, to: null, search: '5б' });
    expect(byWord.map((h) => h.description)).toEqual(['5А, 5Б класстарынын 1-чейрек көчүрмөлөрү']);
  });

  it('lists backups for every role that reads registers', async () => {
    expect(await as('admin', 'registers.backups', { year: null })).toEqual({ backups: [], uses: [] });
  });
});

describe('settings the window was missing', () => {
  it('takes the Kundoluk token at first run, keeps it out of the audit log and never answers it', async () => {
    const dir = tempDir('moor-setup-token-');
    const mirror = openMirror(path.join(dir, 'mirror.sqlite'), { create: true });
    const service = createAppService({ mirror });
    try {
      const token = 'first-run-token-secret';
      const setup = await service.call('first', 'setup.complete', {
        ...SETUP,
        kundoluk: { mode: 'api', url: 'https://kundoluk.example.kg/api/', login: 'school-95' },
        kundolukToken: token,
      });
      if (!setup.ok) throw new Error(setup.error.message);
      const settings = await service.call('first', 'settings.get', {});
      expect(settings.ok && settings.value.kundolukTokenSet).toBe(true);
      expect(JSON.stringify([setup, settings])).not.toContain(token);
      const audit = mirror.sqlite.prepare('SELECT group_concat(after_json) AS text FROM audit_log').get() as {
        text: string;
      };
      expect(audit.text).not.toContain(token);
    } finally {
      await service.context.jobs.stopAll();
      mirror.close();
    }
  });

  it('keeps the Kundoluk token without ever showing it back or writing it to the audit log', async () => {
    const settings = await as('admin', 'settings.get', {});
    const { backupPassphraseSet: _p, kundolukTokenSet, ...editable } = settings;
    expect(kundolukTokenSet).toBe(false);
    const token = 'secret-token-value-1234';
    const saved = await as('admin', 'settings.update', {
      ...editable,
      kundoluk: { mode: 'api', url: 'https://kundoluk.example.kg/api/', login: null },
      kundolukToken: token,
    });
    expect(saved.kundolukTokenSet).toBe(true);
    expect(JSON.stringify(saved)).not.toContain(token);
    const audit = app.mirror.sqlite
      .prepare('SELECT group_concat(after_json) AS all_json FROM audit_log')
      .get() as {
      all_json: string;
    };
    expect(audit.all_json).not.toContain(token);
    expect(audit.all_json).toContain('replaced');
    // Saving the other settings keeps the token.
    expect((await as('admin', 'settings.update', { ...editable, idleMinutes: 15 })).kundolukTokenSet).toBe(
      true,
    );
  });

  it('changes the backup passphrase only with the current one, keeping a verifier', async () => {
    const wrong = await failure('admin', 'settings.changeBackupPassphrase', {
      current: 'not the passphrase',
      next: 'a new long school passphrase',
    });
    expect(wrong.code).toBe('PASSPHRASE_MISMATCH');
    await as('admin', 'settings.changeBackupPassphrase', {
      current: SETUP.backupPassphrase,
      next: 'a new long school passphrase',
    });
    const stored = app.mirror.sqlite
      .prepare("SELECT value_json FROM app_setting WHERE key = 'backupPassphraseVerifier'")
      .get() as { value_json: string };
    expect(stored.value_json).not.toContain('a new long school passphrase');
    const again = await failure('admin', 'settings.changeBackupPassphrase', {
      current: SETUP.backupPassphrase,
      next: 'yet another long passphrase',
    });
    expect(again.code).toBe('PASSPHRASE_MISMATCH');
  });

  it('edits the quarters of a year, moves the half-years with them, and refuses overlapping dates', async () => {
    const [year] = await as('deputy', 'settings.years', {});
    if (!year) throw new Error('no year');
    const quarters = SETUP.quarters.map((q, i) => (i === 1 ? { ...q, endsOn: '2025-12-28' } : q));
    const [updated] = await as('admin', 'settings.updateQuarters', { academicYearId: year.id, quarters });
    expect(updated?.quarters[1]?.endsOn).toBe('2025-12-28');
    const halfYear = app.mirror.sqlite
      .prepare("SELECT ends_on FROM reporting_period WHERE kind = 'half_year' AND number = 1")
      .get() as { ends_on: string };
    expect(halfYear.ends_on).toBe('2025-12-28');
    const overlapping = SETUP.quarters.map((q, i) => (i === 2 ? { ...q, startsOn: '2025-12-01' } : q));
    const refused = await failure('admin', 'settings.updateQuarters', {
      academicYearId: year.id,
      quarters: overlapping,
    });
    expect([refused.code, refused.details?.field]).toEqual(['BAD_DATES', 'quarters.2']);
  });
});
