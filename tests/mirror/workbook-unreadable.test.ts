import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MoorError } from '../../src/core/errors';
import { syncBundleFile } from '../../src/core/mirror/sync-bundle';
import { syncWorkbookFile } from '../../src/core/mirror/sync-workbook';
import { tempDir } from '../support/temp-dir';
import { context, emptyMirror, fingerprint } from './helpers';
import { writeJournalWorkbook } from './journal-workbook';
import { bundleOf } from './tiny-bundle';

async function school() {
  const dir = tempDir();
  const bundle = path.join(dir, 'school.json');
  fs.writeFileSync(
    bundle,
    JSON.stringify(
      bundleOf({
        students: 2,
        lessons: [
          { day: 2, marks: ['5', '4'] },
          { day: 3, marks: ['3', '2'] },
        ],
      }),
    ),
  );
  const mirror = emptyMirror(dir);
  syncBundleFile(mirror, bundle, context());
  const file = path.join(dir, '8А-1.xlsx');
  await writeJournalWorkbook(mirror, file, 1, 1);
  return { dir, mirror, file };
}

async function edit(file: string, change: (sheet: ExcelJS.Worksheet) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  change(workbook.worksheets[0] as ExcelJS.Worksheet);
  await workbook.xlsx.writeFile(file);
}

/** Every mark of the mirror as "date student value", in order. */
function marks(mirror: Awaited<ReturnType<typeof school>>['mirror']): string[] {
  return (
    mirror.sqlite
      .prepare(
        'SELECT l.date, m.student_id AS student, m.value FROM mark m JOIN lesson l ON l.id = m.lesson_id ORDER BY l.date, m.student_id, m.id',
      )
      .all() as { date: string; student: number; value: string }[]
  ).map((m) => `${m.date} ${m.student} ${m.value}`);
}

async function refusal(work: Promise<unknown>): Promise<MoorError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof MoorError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('a workbook cell that cannot be read never removes a mark', () => {
  const unreadable: [string, ExcelJS.CellValue][] = [
    ['a date', new Date('2025-09-02T00:00:00Z')],
    ['TRUE', true],
    ['#N/A', { error: '#N/A' }],
    ['a formula without a saved result', { formula: 'C5*2' }],
  ];
  for (const [what, value] of unreadable) {
    it(`names a mark cell holding ${what} and changes nothing`, async () => {
      const { mirror, file } = await school();
      await edit(file, (sheet) => {
        sheet.getCell('C4').value = value;
      });
      const before = fingerprint(mirror);
      const error = await refusal(syncWorkbookFile(mirror, file, {}, context()));
      expect(error.code).toBe('WORKBOOK_CELL');
      expect(error.details).toMatchObject({ cell: 'C4' });
      expect(fingerprint(mirror)).toBe(before);
      mirror.close();
    });
  }

  it('names a day header with a typo instead of dropping its column', async () => {
    const { mirror, file } = await school();
    await edit(file, (sheet) => {
      sheet.getCell('D3').value = '3з';
    });
    const before = fingerprint(mirror);
    const error = await refusal(syncWorkbookFile(mirror, file, {}, context()));
    expect(error.code).toBe('WORKBOOK_LAYOUT');
    expect(error.message).toContain('D3');
    expect(fingerprint(mirror)).toBe(before);
    mirror.close();
  });
});

describe("with --skip-unreadable, an unreadable cell or column is a warning that keeps the mirror's marks", () => {
  const unreadable: [string, ExcelJS.CellValue][] = [
    ['a date', new Date('2025-09-02T00:00:00Z')],
    ['TRUE', true],
    ['#N/A', { error: '#N/A' }],
    ['a formula without a saved result', { formula: 'C5*2' }],
  ];
  for (const [what, value] of unreadable) {
    it(`keeps the mark under a cell holding ${what} and reads the rest`, async () => {
      const { mirror, file } = await school();
      await edit(file, (sheet) => {
        sheet.getCell('C4').value = value;
        sheet.getCell('D4').value = 4;
      });
      const result = await syncWorkbookFile(mirror, file, { skipUnreadable: true }, context());
      expect(result.removed).toBe(0);
      expect(result.warnings.filter((w) => w.includes('cell C4'))).toHaveLength(1);
      expect(marks(mirror)).toEqual(['2025-09-02 1 5', '2025-09-02 2 4', '2025-09-03 1 4', '2025-09-03 2 2']);
      mirror.close();
    });
  }

  it('keeps the quarter mark under an unreadable quarter-mark cell', async () => {
    const { mirror, file } = await school();
    await edit(file, (sheet) => {
      sheet.getCell('F4').value = 5;
    });
    await syncWorkbookFile(mirror, file, {}, context());
    await edit(file, (sheet) => {
      sheet.getCell('F4').value = { error: '#N/A' };
    });
    const refused = await refusal(syncWorkbookFile(mirror, file, {}, context()));
    expect(refused.details).toMatchObject({ cell: 'F4' });
    const result = await syncWorkbookFile(mirror, file, { skipUnreadable: true }, context());
    expect(result.removed).toBe(0);
    expect(result.warnings.some((w) => w.includes('cell F4'))).toBe(true);
    expect(mirror.sqlite.prepare('SELECT student_id, value FROM period_final').all()).toEqual([
      { student_id: 1, value: '5' },
    ]);
    mirror.close();
  });

  it("keeps a column's lesson and marks when its day header has a typo, and reads the other columns", async () => {
    const { mirror, file } = await school();
    await edit(file, (sheet) => {
      sheet.getCell('D3').value = '3з';
      sheet.getCell('C4').value = 4;
    });
    const result = await syncWorkbookFile(mirror, file, { skipUnreadable: true }, context());
    expect(result.removed).toBe(0);
    expect(result.warnings.filter((w) => w.includes('D3 "3з"'))).toHaveLength(1);
    expect(marks(mirror)).toEqual(['2025-09-02 1 4', '2025-09-02 2 4', '2025-09-03 1 3', '2025-09-03 2 2']);
    expect(mirror.sqlite.prepare('SELECT date FROM lesson ORDER BY date').pluck().all()).toEqual([
      '2025-09-02',
      '2025-09-03',
    ]);
    mirror.close();
  });
});
