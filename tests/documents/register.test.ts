import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderRegisterPdf, renderRegisterXlsx, type RegisterLayout } from '../../src/core/documents';
import { unescapeCellText } from '../../src/core/documents/xlsx/escape-cell';
import { tempDir } from '../support/temp-dir';
import { pdfPagesText, squash } from './helpers';

const layout: RegisterLayout = {
  id: 'REG-ARCHIVE-2025',
  language: 'ky',
  createdAt: '2026-06-01T09:00:00.000Z',
  title: 'Архивдик реестр',
  subtitle: ['№ 95 гимназия'],
  columns: [
    { header: '№', weight: 1, align: 'center' },
    { header: 'Документ', weight: 4 },
    { header: 'Эскертүү', weight: 6 },
  ],
  rows: Array.from({ length: 70 }, (_, i) => [
    i + 1,
    `Q1-2025-${i + 1}Ө-ky`,
    i === 0 ? '=HYPERLINK("x")' : `Үй тапшырмасы ң ${i}`,
  ]),
  signatures: [{ role: 'Катчы', name: 'Өмүрова Үмүт', seal: true }],
};

describe('printable registers', () => {
  it('prints every row on numbered pages with the id, and the same bytes every time', async () => {
    const dir = tempDir();
    const first = await renderRegisterPdf(layout, path.join(dir, 'a.pdf'));
    const second = await renderRegisterPdf(layout, path.join(dir, 'b.pdf'));
    expect(second.sha256).toBe(first.sha256);
    expect(fs.readFileSync(path.join(dir, 'a.pdf')).equals(fs.readFileSync(path.join(dir, 'b.pdf')))).toBe(
      true,
    );
    const pages = pdfPagesText(first.path);
    expect(pages).toHaveLength(first.pages);
    expect(first.pages).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page).toContain(`${i + 1}-бет, бардыгы ${first.pages}`);
      expect(page).toContain(`REG-ARCHIVE-2025 · ${first.shortHash}`);
      expect(page).toContain('Архивдик реестр');
    });
    const all = squash(pages.join(' '));
    for (const row of layout.rows) expect(all).toContain(String(row[1]));
    expect(all).toContain('Өмүрова Үмүт');
    expect(all).toContain('М.О.');
  });

  it('writes the same rows to XLSX with formula-looking text escaped', async () => {
    const dir = tempDir();
    const first = await renderRegisterXlsx(layout, path.join(dir, 'a.xlsx'));
    const again = await renderRegisterXlsx(layout, path.join(dir, 'b.xlsx'));
    expect(again.sha256).toBe(first.sha256);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(first.path);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const header = sheet.getRow(3);
    expect(header.getCell(2).value).toBe('Документ');
    const firstRow = sheet.getRow(4);
    expect(firstRow.getCell(1).value).toBe(1);
    const stored = firstRow.getCell(3).value;
    expect(stored).toBe(`'=HYPERLINK("x")`);
    expect(typeof stored === 'string' && unescapeCellText(stored)).toBe('=HYPERLINK("x")');
    expect(firstRow.getCell(3).formula).toBeUndefined();
    for (let i = 1; i < layout.rows.length; i++) {
      expect(sheet.getRow(4 + i).getCell(3).value).toBe(layout.rows[i]?.[2]);
    }
  });
});
