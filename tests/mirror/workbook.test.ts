import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Mirror } from '../../src/core/db/mirror';
import { MoorError } from '../../src/core/errors';
import { listChanges } from '../../src/core/mirror/changes';
import { syncWorkbookFile } from '../../src/core/mirror/sync-workbook';
import { cellText } from '../../src/core/mirror/workbook/cell';
import { tempDir } from '../support/temp-dir';
import { openSmallSchool } from '../support/schools';
import { context, emptyMirror, fingerprint } from './helpers';
import { writeJournalWorkbook } from './journal-workbook';

let dir: string;
let mirror: Mirror;
let file: string;

beforeEach(async () => {
  dir = tempDir();
  mirror = openSmallSchool(path.join(dir, 'demo.db'));
  const schoolClass = mirror.sqlite.prepare('SELECT id FROM class WHERE grade = 8').get() as { id: number };
  file = path.join(dir, '8А-1.xlsx');
  await writeJournalWorkbook(mirror, file, schoolClass.id, 1);
});
afterEach(() => {
  mirror.close();
});

async function edit(change: (sheet: ExcelJS.Worksheet) => void, name = '8А-1.xlsx'): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  change(sheet);
  const out = path.join(dir, name);
  await workbook.xlsx.writeFile(out);
  return out;
}

/** The first student cell on the first sheet holding exactly this text. */
function findCell(sheet: ExcelJS.Worksheet, text: string): ExcelJS.Cell {
  for (let r = 4; r <= sheet.rowCount; r++) {
    for (let c = 3; c <= sheet.getRow(3).cellCount; c++) {
      const cell = sheet.getCell(r, c);
      if (cellText(cell.value) === text && /^\d+$/.test(cellText(sheet.getCell(3, c).value))) return cell;
    }
  }
  throw new Error(`no cell "${text}"`);
}

describe('class journal workbooks', () => {
  it('syncs a journal saved from Kundoluk that matches the mirror with no changes', async () => {
    const result = await syncWorkbookFile(mirror, file, {}, context());
    expect([result.added, result.changed, result.removed]).toEqual([0, 0, 0]);
    expect(result.source).toBe('workbook');
    expect(mirror.sqlite.prepare('SELECT source, source_name FROM sync_run').all()).toEqual([
      { source: 'workbook', source_name: '8А-1.xlsx' },
    ]);
  });

  it('takes class and quarter from the options when the file name does not say them', async () => {
    const renamed = path.join(dir, 'journal.xlsx');
    fs.copyFileSync(file, renamed);
    const result = await syncWorkbookFile(mirror, renamed, { className: '8А', quarter: 1 }, context());
    expect(result.changed).toBe(0);
    await expect(syncWorkbookFile(mirror, renamed, {}, context())).rejects.toThrow(/does not say the class/);
  });

  it('sees a corrected mark, a removed mark and a mark added after the deadline', async () => {
    let corrected = '';
    let removed = '';
    let added = '';
    const changed = await edit((sheet) => {
      const four = findCell(sheet, '4');
      four.value = 5;
      corrected = four.address;
      const three = findCell(sheet, '3');
      three.value = null;
      removed = three.address;
      const empty = findCell(sheet, '');
      empty.value = '2';
      added = empty.address;
    });
    const result = await syncWorkbookFile(mirror, changed, {}, context('2025-11-20T09:00:00Z'));
    expect([result.added, result.changed, result.removed]).toEqual([1, 1, 1]);
    const kinds = listChanges(mirror).map((c) => [c.kind, c.before, c.after]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['mark_changed', '4', '5'],
        ['mark_removed', '3', null],
        ['mark_backdated', null, '2'],
      ]),
    );
    expect([corrected, removed, added].every((a) => a !== '')).toBe(true);
  });

  it('reads a "Выбыл(а)" note and several entries joined by "·", and keeps the warning in the sync log', async () => {
    const absences = () =>
      mirror.sqlite.prepare("SELECT count(*) AS n FROM attendance WHERE reason = 'Н'").get() as { n: number };
    const before = absences().n;
    const changed = await edit((sheet) => {
      const nameCell = sheet.getCell(4, 2);
      nameCell.value = `${cellText(nameCell.value)} Выбыл(а) 30.09.2025`;
      findCell(sheet, '4').value = '4 · н';
    });
    const result = await syncWorkbookFile(mirror, changed, {}, context('2025-11-20T09:00:00Z'));
    expect([result.added, result.changed, result.removed]).toEqual([1, 0, 0]);
    expect(result.warnings).toEqual([
      expect.stringMatching(
        /cell B4: the journal says the student left on 2025-09-30; the mirror says still enrolled/,
      ),
    ]);
    const run = mirror.sqlite.prepare('SELECT warnings_json FROM sync_run WHERE id = ?').get(result.runId);
    expect(run).toEqual({ warnings_json: JSON.stringify(result.warnings) });
    // The mark stays as it was (nothing changed); the absence beside it is new.
    expect(absences().n).toBe(before + 1);
  });
});

describe('bad workbooks leave the mirror exactly as it was', () => {
  async function expectRejected(target: string, code: string, message: RegExp, into: Mirror = mirror) {
    const before = fingerprint(into);
    const error: unknown = await syncWorkbookFile(into, target, {}, context()).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(MoorError);
    expect((error as MoorError).code).toBe(code);
    expect((error as MoorError).message).toMatch(message);
    expect(fingerprint(into)).toBe(before);
  }

  it('names file, sheet and cell of an unknown code', async () => {
    let address = '';
    const bad = await edit((sheet) => {
      const cell = findCell(sheet, '5');
      cell.value = '5·X';
      address = cell.address;
    });
    await expectRejected(
      bad,
      'WORKBOOK_CELL',
      new RegExp(`8А-1\\.xlsx, sheet ".+", cell ${address}: found "5·X"; expected marks`),
    );
  });

  it('names a student who is not on the class list', async () => {
    const bad = await edit((sheet) => {
      sheet.getCell(4, 2).value = 'Белгисиз Б.';
    });
    await expectRejected(bad, 'WORKBOOK_STUDENT', /cell B4: "Белгисиз Б\." is not on the class list of 8А/);
  });

  it('names a day outside the quarter', async () => {
    const bad = await edit((sheet) => {
      sheet.getCell(2, 3).value = 'Декабрь';
    });
    await expectRejected(
      bad,
      'WORKBOOK_DATE',
      /cell C3: 2025-12-\d\d lies outside quarter 1 \(2025-09-01 – 2025-10-31\)/,
    );
  });

  it('names a sheet whose subject the class does not have', async () => {
    const bad = await edit((sheet) => {
      sheet.name = 'Астрономия';
    });
    await expectRejected(
      bad,
      'WORKBOOK_SUBJECT',
      /sheet "Астрономия": subject "Астрономия" is not taught in class 8А/,
    );
  });

  it('refuses a broken file and a foreign workbook', async () => {
    const broken = path.join(dir, '8А-1-broken.xlsx');
    fs.writeFileSync(broken, 'this is not a zip file');
    await expectRejected(broken, 'WORKBOOK_UNREADABLE', /not a readable Excel workbook/);
    const foreign = path.join(dir, '8А-2.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Бюджет').getCell('A1').value = 'Кирешелер';
    await workbook.xlsx.writeFile(foreign);
    await expectRejected(foreign, 'WORKBOOK_LAYOUT', /sheet "Бюджет": no row of month names/);
  });

  it('refuses a class the mirror does not know', async () => {
    const empty = emptyMirror(dir);
    try {
      await expectRejected(file, 'WORKBOOK_CLASS', /class 8А with a quarter 1 is not in the mirror/, empty);
    } finally {
      empty.close();
    }
  });
});
