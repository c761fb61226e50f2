import ExcelJS from 'exceljs';
import type { Block, Cell, DocumentSpec, Section, TableBlock } from '../layout/model';
import { escapeCellText } from './escape-cell';
import { fixZipDates } from './fixed-zip-dates';

const POINTS_PER_CHAR = 5.2;
const PRODUCER = 'Мөөр';
const thin: Partial<ExcelJS.Border> = { style: 'thin' };
const box: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/**
 * Writes a document spec as an XLSX workbook with the same content as the PDF: one worksheet
 * per section, tables as real cells (marks and averages as numbers), A4 page setup in the
 * section's orientation, and the document id, hash and page numbers in the printed footer.
 */
export async function renderXlsx(spec: DocumentSpec): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const createdAt = new Date(spec.createdAt);
  workbook.creator = PRODUCER;
  workbook.lastModifiedBy = PRODUCER;
  workbook.created = createdAt;
  workbook.modified = createdAt;
  workbook.title = spec.title;
  workbook.subject = spec.id;
  const names = new Set<string>();
  for (const section of spec.sections)
    writeSection(workbook, spec, section, uniqueSheetName(section.sheetName, names));
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return fixZipDates(bytes, createdAt);
}

function uniqueSheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++)
    name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

function writeSection(workbook: ExcelJS.Workbook, spec: DocumentSpec, section: Section, name: string): void {
  const sheet = workbook.addWorksheet(name, {
    pageSetup: {
      // exceljs declares PaperSize as an ambient const enum, which isolated modules cannot name; 9 is A4.
      // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
      paperSize: 9 as ExcelJS.PaperSize,
      orientation: section.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.3, top: 0.3, bottom: 0.5, header: 0.2, footer: 0.2 },
    },
    headerFooter: {
      oddFooter: `&L${footerText(`${spec.id} · ${spec.shortHash}`)}&C${footerText(spec.pageLabel.replace('{n}', '&P').replace('{N}', '&N'))}`,
    },
  });
  const firstTable = section.blocks.find((b): b is TableBlock => b.kind === 'table');
  if (firstTable)
    sheet.columns = firstTable.columns.map((c) => ({
      width: Math.max(4, Math.round((c.width || 60) / POINTS_PER_CHAR)),
    }));
  section.pageHeader.forEach((line, i) => {
    const row = sheet.addRow([escapeCellText(line)]);
    row.font = { bold: i === 0, size: i === 0 ? 11 : 10 };
  });
  for (const block of section.blocks) writeBlock(sheet, block);
  if (section.pageSignature !== undefined) {
    sheet.addRow([]);
    sheet.addRow([escapeCellText(section.pageSignature)]);
  }
  sheet.addRow([]);
  sheet.addRow([escapeCellText(`${spec.id} · ${spec.shortHash}`)]).font = { size: 8 };
}

/** Ampersands start codes in Excel's header/footer syntax. */
function footerText(text: string): string {
  return text.replace(/&(?![PN])/g, '&&');
}

function writeBlock(sheet: ExcelJS.Worksheet, block: Block): void {
  switch (block.kind) {
    case 'text': {
      const row = sheet.addRow([escapeCellText(block.text)]);
      row.font = { bold: block.bold ?? false, size: Math.round(block.size + 2) };
      return;
    }
    case 'fields':
      for (const field of block.fields) {
        const row = sheet.addRow([escapeCellText(field.label), escapeCellText(field.value)]);
        row.getCell(2).font = { bold: true };
      }
      return;
    case 'signatures':
      for (const signature of block.signatures) {
        const row = sheet.addRow([
          escapeCellText(signature.role),
          '________________',
          escapeCellText(signature.name),
          signature.withDate ? '«____» ______________ 20____' : null,
          signature.seal === undefined ? null : escapeCellText(signature.seal),
        ]);
        row.getCell(1).font = { bold: true };
        sheet.addRow([
          null,
          block.captions.signature,
          block.captions.name,
          signature.withDate ? block.captions.date : null,
        ]).font = {
          size: 8,
          italic: true,
        };
      }
      return;
    case 'space':
      sheet.addRow([]);
      return;
    case 'table':
      writeTable(sheet, block);
      return;
  }
}

function writeTable(sheet: ExcelJS.Worksheet, table: TableBlock): void {
  if (table.columns.some((c) => c.group !== undefined)) {
    const groupRow = sheet.addRow(
      table.columns.map((c) => (c.group === undefined ? null : escapeCellText(c.group))),
    );
    let start = 0;
    table.columns.forEach((column, i) => {
      const next = table.columns[i + 1];
      if (next?.group !== undefined && next.group === column.group) return;
      if (i > start && column.group !== undefined)
        sheet.mergeCells(groupRow.number, start + 1, groupRow.number, i + 1);
      start = i + 1;
    });
    styleHeader(groupRow);
  }
  const header = sheet.addRow(table.columns.map((c) => escapeCellText(c.header)));
  styleHeader(header);
  for (const cells of table.rows) {
    const row = sheet.addRow(table.columns.map((_, i) => cellValue(cells[i])));
    table.columns.forEach((column, i) => {
      const cell = row.getCell(i + 1);
      const source = cells[i];
      cell.border = box;
      cell.alignment = {
        horizontal: column.align ?? 'center',
        vertical: 'middle',
        wrapText: (column.grow ?? 0) > 0 || column.width > 120,
      };
      if (source?.decimals !== undefined)
        cell.numFmt = source.decimals === 0 ? '0' : `0.${'0'.repeat(source.decimals)}`;
      if (source?.bold) cell.font = { bold: true };
      if (source?.shaded) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE0E0E0' } };
    });
  }
  sheet.addRow([]);
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell({ includeEmpty: false }, (cell) => {
    cell.border = box;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
}

function cellValue(cell: Cell | undefined): string | number | null {
  if (!cell || cell.value === null) return null;
  return typeof cell.value === 'number' ? cell.value : escapeCellText(cell.value);
}
