import type { Block, Cell, DocumentSpec, Section, TableBlock } from '../layout/model';
import { escapeCellText } from './escape-cell';
import { xlsxPackage, type XlsxCell, type XlsxSheet, type XlsxStyle } from './xlsx-package';

const POINTS_PER_CHAR = 5.2;
const PRODUCER = 'Мөөр';

/**
 * Writes a document spec as an XLSX workbook with the same content as the PDF: one worksheet
 * per section, tables as real cells (marks and averages as numbers), A4 page setup in the
 * section's orientation, and the document id, hash and page numbers in the printed footer.
 * The only date inside is the document's `createdAt`, so the same spec gives the same bytes.
 */
export function renderXlsx(spec: DocumentSpec): Promise<Buffer> {
  const names = new Set<string>();
  const sheets = spec.sections.map((section) =>
    sectionSheet(spec, section, uniqueSheetName(section.sheetName, names)),
  );
  return Promise.resolve(
    xlsxPackage({
      title: spec.title,
      subject: spec.id,
      creator: PRODUCER,
      createdAt: new Date(spec.createdAt),
      sheets,
    }),
  );
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

const text = (value: string, style?: XlsxStyle): XlsxCell => ({
  value: escapeCellText(value),
  ...(style ? { style } : {}),
});

function sectionSheet(spec: DocumentSpec, section: Section, name: string): XlsxSheet {
  const rows: XlsxCell[][] = [];
  const merges: [number, number, number][] = [];
  section.pageHeader.forEach((line, i) =>
    rows.push([text(line, { bold: i === 0, size: i === 0 ? 11 : 10 })]),
  );
  for (const block of section.blocks) writeBlock(rows, merges, block);
  if (section.pageSignature !== undefined) rows.push([], [text(section.pageSignature)]);
  rows.push([], [text(`${spec.id} · ${spec.shortHash}`, { size: 8 })]);
  const firstTable = section.blocks.find((b): b is TableBlock => b.kind === 'table');
  const pageLabel = spec.pageLabel.replace('{n}', '&P').replace('{N}', '&N');
  return {
    name,
    orientation: section.orientation,
    widths: firstTable
      ? firstTable.columns.map((c) => Math.max(4, Math.round((c.width || 60) / POINTS_PER_CHAR)))
      : [],
    rows,
    merges,
    footer: `&L${footerText(`${spec.id} · ${spec.shortHash}`)}&C${footerText(pageLabel)}`,
  };
}

/** Ampersands start codes in Excel's header/footer syntax; only &P and &N are ours. */
function footerText(value: string): string {
  return value.replace(/&(?![PN])/g, '&&');
}

function writeBlock(rows: XlsxCell[][], merges: [number, number, number][], block: Block): void {
  switch (block.kind) {
    case 'text':
      rows.push([text(block.text, { bold: block.bold ?? false, size: Math.round(block.size + 2) })]);
      return;
    case 'fields':
      for (const field of block.fields) rows.push([text(field.label), text(field.value, { bold: true })]);
      return;
    case 'signatures':
      for (const signature of block.signatures) {
        rows.push([
          text(signature.role, { bold: true }),
          text('________________'),
          text(signature.name),
          signature.withDate ? text('«____» ______________ 20____') : { value: null },
          signature.seal === undefined ? { value: null } : text(signature.seal, { bold: true }),
        ]);
        const caption = { size: 8, italic: true };
        rows.push([
          { value: null },
          text(block.captions.signature, caption),
          text(block.captions.name, caption),
          signature.withDate ? text(block.captions.date, caption) : { value: null },
        ]);
      }
      return;
    case 'space':
      rows.push([]);
      return;
    case 'table':
      writeTable(rows, merges, block);
      return;
  }
}

const headerStyle: XlsxStyle = { bold: true, border: true, align: 'center', wrap: true };

function writeTable(rows: XlsxCell[][], merges: [number, number, number][], table: TableBlock): void {
  if (table.columns.some((c) => c.group !== undefined)) {
    rows.push(
      table.columns.map((c) => (c.group === undefined ? { value: null } : text(c.group, headerStyle))),
    );
    const rowNumber = rows.length;
    let start = 0;
    table.columns.forEach((column, i) => {
      const next = table.columns[i + 1];
      if (next?.group !== undefined && next.group === column.group) return;
      if (i > start && column.group !== undefined) merges.push([rowNumber, start + 1, i + 1]);
      start = i + 1;
    });
  }
  rows.push(table.columns.map((c) => text(c.header, headerStyle)));
  const columnStyles = table.columns.map((column) => ({
    border: true,
    align: column.align ?? 'center',
    wrap: (column.grow ?? 0) > 0 || column.width > 120,
  }));
  for (const cells of table.rows) {
    rows.push(table.columns.map((_, i) => bodyCell(cells[i], columnStyles[i] ?? { border: true })));
  }
  rows.push([]);
}

function bodyCell(cell: Cell | undefined, base: XlsxStyle): XlsxCell {
  const style = cellStyle(base, cell);
  if (!cell || cell.value === null) return { value: null, style };
  return typeof cell.value === 'number' ? { value: cell.value, style } : text(cell.value, style);
}

/** One style object per column style and cell variant, so the style table finds it by identity. */
const variants = new WeakMap<XlsxStyle, Map<string, XlsxStyle>>();

function cellStyle(base: XlsxStyle, cell: Cell | undefined): XlsxStyle {
  const key = `${cell?.decimals ?? ''}|${cell?.bold === true ? 1 : 0}|${cell?.shaded === true ? 1 : 0}`;
  let byKey = variants.get(base);
  if (!byKey) {
    byKey = new Map();
    variants.set(base, byKey);
  }
  let style = byKey.get(key);
  if (!style) {
    style = {
      ...base,
      ...(cell?.decimals === undefined
        ? {}
        : { numFmt: cell.decimals === 0 ? '0' : `0.${'0'.repeat(cell.decimals)}` }),
      ...(cell?.bold ? { bold: true } : {}),
      ...(cell?.shaded ? { fill: true } : {}),
    };
    byKey.set(key, style);
  }
  return style;
}
