import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentSpec } from '../../src/core/documents/layout/model';
import { renderXlsx } from '../../src/core/documents/xlsx/render-xlsx';

/** A grid like a marks page (month groups over day columns) with text that looks like formulas. */
function gridSpec(): DocumentSpec {
  const risky = ['=1+1', '+996 555 123', '-Сабак', '@SUM(A1)', '\t=cmd', 'Үй тапшырмасы'];
  return {
    id: 'Q1-2025-9Б-ru-xlsx',
    shortHash: 'abcdef012345',
    title: '9Б · 1-я четверть',
    language: 'ru',
    createdAt: '2025-11-03T08:00:00.000Z',
    pageLabel: 'стр. {n} из {N}',
    sections: [
      {
        sheetName: "Рус. яз. [отметки]: 9'Б",
        orientation: 'landscape',
        pageHeader: ['Гимназия-школа № 95 · 9Б', 'Русский язык'],
        pageSignature: 'Учитель: ________',
        blocks: [
          {
            kind: 'table',
            fontSize: 8,
            columns: [
              { header: '№', width: 16 },
              { header: 'Ученик', width: 130, align: 'left' },
              { header: '1', width: 15, group: 'Сентябрь' },
              { header: '8', width: 15, group: 'Сентябрь' },
              { header: '15', width: 15, group: 'Сентябрь' },
              { header: '6', width: 15, group: 'Октябрь' },
              { header: 'Ср.', width: 26 },
            ],
            rows: risky.map((name, i) => [
              { value: i + 1 },
              { value: name },
              { value: '5' },
              { value: i % 2 === 0 ? 'Н' : null, shaded: i === 3 },
              { value: '-4' },
              { value: null },
              { value: -3.5 + i, decimals: 2 },
            ]),
          },
        ],
      },
      {
        sheetName: 'Титул',
        orientation: 'portrait',
        pageHeader: [],
        blocks: [{ kind: 'text', text: '=HYPERLINK("http://x")', size: 12, bold: true }],
      },
    ],
  };
}

async function readBack(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe('XLSX copies written with exceljs', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives the same bytes for the same document years apart, dated only by the document', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-10T10:00:00Z'));
    const first = await renderXlsx(gridSpec());
    vi.setSystemTime(new Date('2031-07-22T17:43:11Z'));
    const later = await renderXlsx(gridSpec());
    vi.useRealTimers();
    expect(later.equals(first)).toBe(true);
    const workbook = await readBack(first);
    expect(workbook.created.toISOString()).toBe('2025-11-03T08:00:00.000Z');
    expect(workbook.modified.toISOString()).toBe('2025-11-03T08:00:00.000Z');
    expect(workbook.subject).toBe('Q1-2025-9Б-ru-xlsx');
    const changed = await renderXlsx({ ...gridSpec(), createdAt: '2025-11-04T08:00:00.000Z' });
    expect(changed.equals(first)).toBe(false);
  });

  it('stores formula-looking text as text with a leading apostrophe, never as a formula', async () => {
    const workbook = await readBack(await renderXlsx(gridSpec()));
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const names = [5, 6, 7, 8, 9, 10].map((row) => sheet.getRow(row).getCell(2));
    expect(names.map((cell) => cell.value)).toEqual([
      "'=1+1",
      "'+996 555 123",
      "'-Сабак",
      "'@SUM(A1)",
      "'\t=cmd",
      'Үй тапшырмасы',
    ]);
    for (const cell of names) expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getRow(5).getCell(5).value).toBe("'-4");
    expect(sheet.getRow(5).getCell(7).value).toBe(-3.5);
    expect(sheet.getRow(5).getCell(7).numFmt).toBe('0.00');
    expect(workbook.worksheets[1]?.getRow(1).getCell(1).value).toBe(`'=HYPERLINK("http://x")`);
  });

  it('sets A4, the orientation, fit to width, repeated header rows, merged month headers and the footer', async () => {
    const workbook = await readBack(await renderXlsx(gridSpec()));
    const [grid, title] = workbook.worksheets;
    if (!grid || !title) throw new Error('sheets missing');
    expect(grid.name).toBe('Рус. яз.  отметки   9 Б');
    expect(grid.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:4',
    });
    expect(title.pageSetup.orientation).toBe('portrait');
    expect(grid.getCell('C3').value).toBe('Сентябрь');
    expect(grid.getCell('E3').isMerged).toBe(true);
    expect(grid.getCell('E3').master.address).toBe('C3');
    expect(grid.getCell('F3').value).toBe('Октябрь');
    expect(grid.getCell('F3').isMerged).toBe(false);
    expect(grid.getCell('C4').border.top?.style).toBe('thin');
    expect(grid.getCell('B4').font.bold).toBe(true);
    expect(grid.getRow(7).getCell(4).fill).toMatchObject({ pattern: 'none' });
    expect(grid.getRow(8).getCell(4).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(grid.headerFooter.oddFooter).toBe('&LQ1-2025-9Б-ru-xlsx · abcdef012345&Cстр. &P из &N');
  });
});
