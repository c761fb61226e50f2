import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { pageMarginsInches } from '../layout/margins';
import type { Block, Cell, DocumentSpec, Orientation, Section, TableBlock } from '../layout/model';
import { escapeCellText } from './escape-cell';
import { fixZipDates } from './fixed-zip-dates';
import { columnCellStyles, headerStyle, textStyle, type CellStyle } from './styles';

const POINTS_PER_CHAR = 5.2;
const PRODUCER = 'Мөөр';

/**
 * Writes a document spec as an XLSX workbook with the same content as the PDF: one worksheet
 * per section, tables as real cells (marks and averages as numbers), A4 page setup in the
 * section's orientation fitted to the page width, table headers repeated on every printed page,
 * and the document id, hash and page numbers in the printed footer.
 *
 * exceljs's streaming writer is used: rows go to the zip as they are committed instead of being
 * kept as a cell-object model, and it deflates with native zlib. The only date inside is the
 * document's `createdAt` (properties and zip entries), so the same spec gives the same bytes.
 */
export async function renderXlsx(spec: DocumentSpec): Promise<Buffer> {
  const createdAt = new Date(spec.createdAt);
  const sink = new BufferSink();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: true,
  });
  workbook.creator = PRODUCER;
  workbook.lastModifiedBy = PRODUCER;
  workbook.created = createdAt;
  workbook.modified = createdAt;
  workbook.title = spec.title;
  workbook.subject = spec.id;
  const names = new Set<string>();
  for (const section of spec.sections)
    writeSection(workbook, spec, section, uniqueSheetName(section.sheetName, names));
  await workbook.commit();
  return fixZipDates(sink.bytes(), createdAt);
}

/** Collects what the zip writer produces. */
class BufferSink extends Writable {
  private readonly chunks: Buffer[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.chunks.push(chunk);
    done();
  }

  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** Excel's sheet names: at most 31 characters, none of [ ] : * ? / \ and no apostrophe (it quotes names in print titles). */
function uniqueSheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\']/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++)
    name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

type Value = string | number | null;

/** Appends rows to a streamed worksheet; every cell gets one of the shared style objects. */
class SheetRows {
  private count = 0;

  constructor(readonly sheet: ExcelJS.Worksheet) {}

  get lastRow(): number {
    return this.count;
  }

  /** Adds a row; `merges` are column ranges of this row spanned by one cell (before the row is committed). */
  add(
    values: readonly Value[],
    styles: readonly (CellStyle | undefined)[] = [],
    merges: readonly (readonly [number, number])[] = [],
  ): number {
    this.count += 1;
    const row = this.sheet.getRow(this.count);
    for (let i = 0; i < values.length; i++) {
      const value = values[i] ?? null;
      const style = styles[i];
      if (value === null && style === undefined) continue;
      const cell = row.getCell(i + 1);
      cell.value = value;
      if (style !== undefined) cell.style = style;
    }
    for (const [first, last] of merges) this.sheet.mergeCells(this.count, first, this.count, last);
    row.commit();
    return this.count;
  }

  text(value: string, style?: CellStyle): number {
    return this.add([escapeCellText(value)], [style]);
  }
}

/** The binding strip and edges of the PDF; the footer (id, page) prints 10 mm from the bottom edge. */
function xlsxMargins(orientation: Orientation) {
  const m = pageMarginsInches(orientation);
  return { ...m, bottom: m.bottom + 0.25, header: m.top, footer: m.bottom };
}

function writeSection(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  spec: DocumentSpec,
  section: Section,
  name: string,
): void {
  const pageLabel = spec.pageLabel.replace('{n}', '&P').replace('{N}', '&N');
  const sheet = workbook.addWorksheet(name, {
    pageSetup: {
      // exceljs declares PaperSize as an ambient const enum, which isolated modules cannot name; 9 is A4.
      // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
      paperSize: 9 as ExcelJS.PaperSize,
      orientation: section.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: xlsxMargins(section.orientation),
    },
    headerFooter: {
      oddFooter: `&L${footerText(`${spec.id} · ${spec.shortHash}`)}&C${footerText(pageLabel)}`,
    },
  });
  const firstTable = section.blocks.find((b): b is TableBlock => b.kind === 'table');
  if (firstTable)
    sheet.columns = firstTable.columns.map((c) => ({
      width: Math.max(4, Math.round((c.width || 60) / POINTS_PER_CHAR)),
    }));
  const rows = new SheetRows(sheet);
  section.pageHeader.forEach((line, i) => rows.text(line, textStyle(i === 0, i === 0 ? 11 : 10)));
  let titleRows: string | undefined;
  for (const block of section.blocks) {
    const header = writeBlock(rows, block);
    titleRows ??= header;
  }
  if (section.pageSignature !== undefined) {
    rows.add([]);
    rows.text(section.pageSignature);
  }
  rows.add([]);
  rows.text(`${spec.id} · ${spec.shortHash}`, textStyle(false, 8));
  // The first table's header rows are printed again at the top of every page of the sheet.
  if (titleRows !== undefined) sheet.pageSetup.printTitlesRow = titleRows;
  sheet.commit();
}

/** Ampersands start codes in Excel's header/footer syntax; only &P and &N are ours. */
function footerText(value: string): string {
  return value.replace(/&(?![PN])/g, '&&');
}

/** Writes a block; for a table, returns its header rows as "first:last". */
function writeBlock(rows: SheetRows, block: Block): string | undefined {
  switch (block.kind) {
    case 'text':
      rows.text(block.text, textStyle(block.bold ?? false, Math.round(block.size + 2)));
      return undefined;
    case 'fields':
      for (const field of block.fields)
        rows.add(
          [escapeCellText(field.label), escapeCellText(field.value)],
          [undefined, textStyle(true, 10)],
        );
      return undefined;
    case 'signatures':
      writeSignatures(rows, block);
      return undefined;
    case 'space':
      rows.add([]);
      return undefined;
    case 'table':
      return writeTable(rows, block);
  }
}

function writeSignatures(rows: SheetRows, block: Extract<Block, { kind: 'signatures' }>): void {
  const bold = textStyle(true, 10);
  const caption = textStyle(false, 8, true);
  for (const signature of block.signatures) {
    rows.add(
      [
        escapeCellText(signature.role),
        '________________',
        escapeCellText(signature.name),
        signature.withDate ? '«____» ______________ 20____' : null,
        signature.seal === undefined ? null : escapeCellText(signature.seal),
      ],
      [bold, undefined, undefined, undefined, bold],
    );
    rows.add(
      [
        null,
        escapeCellText(block.captions.signature),
        escapeCellText(block.captions.name),
        signature.withDate ? escapeCellText(block.captions.date) : null,
      ],
      [undefined, caption, caption, signature.withDate ? caption : undefined],
    );
  }
}

function writeTable(rows: SheetRows, table: TableBlock): string {
  let first: number | undefined;
  if (table.columns.some((c) => c.group !== undefined)) {
    first = rows.add(
      table.columns.map((c) => (c.group === undefined ? null : escapeCellText(c.group))),
      table.columns.map((c) => (c.group === undefined ? undefined : headerStyle)),
      groupSpans(table),
    );
  }
  const header = rows.add(
    table.columns.map((c) => escapeCellText(c.header)),
    table.columns.map(() => headerStyle),
  );
  const columnStyles = table.columns.map((column) =>
    columnCellStyles(column.align ?? 'center', (column.grow ?? 0) > 0 || column.width > 120),
  );
  const width = table.columns.length;
  const values: Value[] = new Array<Value>(width);
  const styles: CellStyle[] = new Array<CellStyle>(width);
  for (const cells of table.rows) {
    for (let i = 0; i < width; i++) {
      const cell = cells[i];
      values[i] = cellValue(cell);
      styles[i] = (columnStyles[i] as (cell: Cell | undefined) => CellStyle)(cell);
    }
    rows.add(values, styles);
  }
  rows.add([]);
  return `${first ?? header}:${header}`;
}

/** Column ranges (1-based) of consecutive columns under the same group header. */
function groupSpans(table: TableBlock): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  table.columns.forEach((column, i) => {
    const next = table.columns[i + 1];
    if (next?.group !== undefined && next.group === column.group) return;
    if (i > start && column.group !== undefined) spans.push([start + 1, i + 1]);
    start = i + 1;
  });
  return spans;
}

function cellValue(cell: Cell | undefined): Value {
  if (!cell || cell.value === null) return null;
  return typeof cell.value === 'number' ? cell.value : escapeCellText(cell.value);
}
