import { pageCode } from '../copy-code';
import type { FontWeight } from '../fonts/font-files';
import { fontMetrics, type FontMetrics } from '../fonts/metrics';
import { columnChunks, type PlacedColumn } from './column-chunks';
import { fitLine, fitText, type FittedText } from './fit-text';
import { cellText } from './format-cell';
import type {
  Align,
  Block,
  DocumentSpec,
  FieldsBlock,
  Section,
  SignaturesBlock,
  TableBlock,
  TextBlock,
} from './model';
import { pageMargins, type Margins } from './margins';
import { A4, type Page } from './page';

const FOOTER_HEIGHT = 34;
const QR_SIZE = 30;
const PAGE_SIGNATURE_HEIGHT = 16;
const CELL_PAD = 1.6;
const LINE_HEIGHT = 1.18;
const GRID_LINE = 0.4;
const FRAME_LINE = 0.8;
/** Table rows that go along with the signature under their table when it needs a new page. */
const ROWS_KEPT_WITH_SIGNATURE = 2;
const TABLE_GAP = 6;

/** Lays out a document spec on A4 pages: every string measured, wrapped or shrunk, never overflowing. */
export function paginate(spec: DocumentSpec, metrics: FontMetrics = fontMetrics()): Page[] {
  const writer = new PageWriter(metrics);
  spec.sections.forEach((section, index) => {
    writer.startSection(section, index);
    section.blocks.forEach((block, blockIndex) => {
      switch (block.kind) {
        case 'text':
          layoutText(writer, block);
          break;
        case 'fields':
          layoutFields(writer, block);
          break;
        case 'signatures':
          layoutSignatures(writer, block);
          break;
        case 'table':
          layoutTable(writer, block, signedTailHeight(writer, section.blocks.slice(blockIndex + 1)));
          break;
        case 'space':
          writer.y = Math.min(writer.y + block.height, writer.bottom);
          break;
      }
    });
  });
  addFooters(writer.pages, spec, metrics);
  if (spec.watermark !== undefined) addWatermarks(writer.pages, spec.watermark, metrics);
  return writer.pages;
}

class PageWriter {
  readonly pages: Page[] = [];
  page!: Page;
  y = 0;
  bottom = 0;
  private section!: Section;
  private sectionIndex = 0;

  constructor(readonly metrics: FontMetrics) {}

  get margins(): Margins {
    return pageMargins(this.section.orientation);
  }

  get left(): number {
    return this.margins.left;
  }

  get contentWidth(): number {
    return this.page.width - this.margins.left - this.margins.right;
  }

  startSection(section: Section, index: number): void {
    this.section = section;
    this.sectionIndex = index;
    this.newPage();
  }

  newPage(): void {
    const portrait = this.section.orientation === 'portrait';
    this.page = {
      width: portrait ? A4.short : A4.long,
      height: portrait ? A4.long : A4.short,
      sectionIndex: this.sectionIndex,
      texts: [],
      lines: [],
      boxes: [],
    };
    this.pages.push(this.page);
    this.y = this.margins.top;
    const signature =
      this.section.pageSignature === undefined
        ? undefined
        : fitLine(this.metrics, this.section.pageSignature, this.contentWidth, 8, 'regular');
    const signatureSpace =
      signature === undefined
        ? 0
        : Math.max(PAGE_SIGNATURE_HEIGHT, signature.lines.length * signature.size * LINE_HEIGHT + 6);
    this.bottom = this.page.height - this.margins.bottom - FOOTER_HEIGHT - signatureSpace;
    this.section.pageHeader.forEach((line, i) => {
      const size = i === 0 ? 9 : 8;
      const fitted = fitText(this.metrics, line, this.contentWidth, size, 6, i === 0 ? 'bold' : 'regular');
      this.placeLines(fitted, this.left, this.contentWidth, 'left', i === 0);
    });
    if (this.section.pageHeader.length > 0) this.y += 4;
    if (signature !== undefined)
      placeStack(
        this.page,
        signature,
        this.left,
        this.bottom + 4 + this.metrics.ascent * signature.size,
        'down',
      );
  }

  /** Starts a new page unless `height` still fits (a block taller than a page starts on a fresh one). */
  ensure(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  placeLines(fitted: FittedText, x: number, width: number, align: Align, bold: boolean): void {
    for (const line of fitted.lines) {
      const lineWidth = this.metrics.width(line, fitted.size, bold ? 'bold' : 'regular');
      this.page.texts.push({
        x: alignX(x, width, lineWidth, align),
        y: this.y + this.metrics.ascent * fitted.size,
        size: fitted.size,
        text: line,
        bold,
      });
      this.y += fitted.size * LINE_HEIGHT;
    }
  }
}

/**
 * Lines of fitted text from a first baseline: downwards, or upwards so that the last line sits on
 * the baseline (a name written above its signature line).
 */
function placeStack(
  page: Page,
  fitted: FittedText,
  x: number,
  baseline: number,
  direction: 'up' | 'down',
): void {
  const step = fitted.size * LINE_HEIGHT;
  const first = direction === 'down' ? baseline : baseline - (fitted.lines.length - 1) * step;
  fitted.lines.forEach((text, i) => {
    page.texts.push({ x, y: first + i * step, size: fitted.size, text, bold: false });
  });
}

function alignX(x: number, width: number, textWidth: number, align: Align): number {
  if (align === 'center') return x + (width - textWidth) / 2;
  if (align === 'right') return x + width - textWidth;
  return x;
}

function layoutText(writer: PageWriter, block: TextBlock): void {
  const weight: FontWeight = block.bold ? 'bold' : 'regular';
  const fitted = fitText(writer.metrics, block.text, writer.contentWidth, block.size, block.size, weight);
  for (const line of fitted.lines) {
    writer.ensure(block.size * LINE_HEIGHT);
    writer.placeLines(
      { size: fitted.size, lines: [line] },
      writer.left,
      writer.contentWidth,
      block.align ?? 'left',
      block.bold ?? false,
    );
  }
}

function layoutFields(writer: PageWriter, block: FieldsBlock): void {
  const labelWidth = writer.contentWidth * 0.32;
  const valueWidth = writer.contentWidth - labelWidth - 6;
  for (const field of block.fields) {
    const label = fitText(writer.metrics, field.label, labelWidth, block.size, block.size * 0.8, 'regular');
    const value = fitText(writer.metrics, field.value, valueWidth, block.size, block.size * 0.8, 'bold');
    const height = Math.max(label.lines.length * label.size, value.lines.length * value.size) * LINE_HEIGHT;
    writer.ensure(height + 3);
    const top = writer.y;
    writer.placeLines(label, writer.left, labelWidth, 'left', false);
    writer.y = top;
    writer.placeLines(value, writer.left + labelWidth + 6, valueWidth, 'left', true);
    writer.y = top + height + 3;
  }
}

/**
 * One certification per row: "Role ______ / Name / «___» __________ 20__", the seal mark at the
 * right, and small captions under the lines saying what goes where.
 */
function layoutSignatures(writer: PageWriter, block: SignaturesBlock): void {
  const { metrics } = writer;
  const size = block.size;
  const captionSize = size - 2.5;
  // The signatures of one block stay together on one page.
  writer.ensure(blockHeight(writer, block));
  for (const signature of block.signatures) {
    const rowHeight = size * LINE_HEIGHT * 2 + captionSize * LINE_HEIGHT + 10;
    writer.ensure(rowHeight);
    const width = writer.contentWidth;
    const roleWidth = width * 0.3;
    const signWidth = width * 0.2;
    const nameWidth = width * 0.26;
    const dateWidth = width - roleWidth - signWidth - nameWidth - 12;
    const x = writer.left;
    const role = fitText(metrics, signature.role, roleWidth - 6, size, size * 0.8, 'bold');
    const top = writer.y;
    writer.placeLines(role, x, roleWidth - 6, 'left', true);
    const lineY = top + size * LINE_HEIGHT * 1.6;
    const signX = x + roleWidth;
    const nameX = signX + signWidth + 6;
    const dateX = nameX + nameWidth + 6;
    const page = writer.page;
    page.lines.push({ x1: signX, y1: lineY, x2: signX + signWidth, y2: lineY, width: 0.6 });
    placeStack(page, fitLine(metrics, signature.name, nameWidth, size, 'regular'), nameX, lineY - 2, 'up');
    page.lines.push({ x1: nameX, y1: lineY, x2: nameX + nameWidth, y2: lineY, width: 0.6 });
    const caption = (text: string, cx: number, cw: number) => {
      const fitted = fitLine(metrics, text, cw, captionSize, 'regular');
      const w = Math.max(...fitted.lines.map((l) => metrics.width(l, fitted.size, 'regular')));
      placeStack(page, fitted, cx + (cw - w) / 2, lineY + captionSize + 1.5, 'down');
    };
    caption(block.captions.signature, signX, signWidth);
    caption(block.captions.name, nameX, nameWidth);
    if (signature.withDate) {
      const dateText = '«____» ______________ 20____';
      placeStack(page, fitLine(metrics, dateText, dateWidth, size, 'regular'), dateX, lineY - 1, 'up');
      caption(block.captions.date, dateX, dateWidth);
    }
    if (signature.seal !== undefined) {
      page.texts.push({
        x: dateX + dateWidth * 0.35,
        y: lineY + size * 3,
        size: size + 2,
        text: signature.seal,
        bold: true,
      });
      writer.y = lineY + size * 4;
    }
    writer.y = Math.max(writer.y, top + rowHeight);
  }
}

interface MeasuredRow {
  readonly height: number;
  readonly cells: { fitted: FittedText; bold: boolean; shaded: boolean }[];
}

function measureCells(
  metrics: FontMetrics,
  texts: { text: string; bold: boolean; shaded: boolean }[],
  widths: readonly number[],
  size: number,
  minSize: number,
  prefer: 'shrink' | 'wrap' = 'shrink',
): MeasuredRow {
  let height = size * LINE_HEIGHT + 2 * CELL_PAD;
  const cells = texts.map((cell, i) => {
    const width = (widths[i] ?? 0) - 2 * CELL_PAD;
    const fitted =
      cell.text === ''
        ? { size, lines: [] }
        : fitText(metrics, cell.text, width, size, minSize, cell.bold ? 'bold' : 'regular', prefer);
    height = Math.max(height, fitted.lines.length * fitted.size * LINE_HEIGHT + 2 * CELL_PAD);
    return { fitted, bold: cell.bold, shaded: cell.shaded };
  });
  return { height, cells };
}

/**
 * The height of what follows a table up to and including its signatures (the counts, the
 * certification), or 0 when no signature follows: that tail must not stand on a page alone.
 */
function signedTailHeight(writer: PageWriter, following: readonly Block[]): number {
  const end = following.findIndex((b) => b.kind === 'signatures' || b.kind === 'table');
  if (end < 0 || following[end]?.kind !== 'signatures') return 0;
  const tail = following.slice(0, end + 1);
  const height = tail.reduce((sum, block) => sum + blockHeight(writer, block), TABLE_GAP);
  // A tail longer than half a page is a document of its own, not a signature under a table.
  return height < (writer.bottom - writer.margins.top) / 2 ? height : 0;
}

function blockHeight(writer: PageWriter, block: Block): number {
  switch (block.kind) {
    case 'space':
      return block.height;
    case 'text': {
      const fitted = fitText(
        writer.metrics,
        block.text,
        writer.contentWidth,
        block.size,
        block.size,
        'regular',
      );
      return fitted.lines.length * fitted.size * LINE_HEIGHT;
    }
    case 'fields':
      return block.fields.length * (block.size * LINE_HEIGHT + 3);
    case 'signatures':
      return block.signatures.reduce((sum, s) => sum + signatureHeight(block.size, s.seal !== undefined), 0);
    case 'table':
      return 0;
  }
}

function signatureHeight(size: number, seal: boolean): number {
  const rowHeight = size * LINE_HEIGHT * 2 + (size - 2.5) * LINE_HEIGHT + 10;
  return seal ? Math.max(rowHeight, size * LINE_HEIGHT * 1.6 + size * 4) : rowHeight;
}

function layoutTable(writer: PageWriter, table: TableBlock, keptTail = 0): void {
  const { metrics } = writer;
  const minSize = table.minFontSize ?? table.fontSize * 0.75;
  const headerSize = Math.max(minSize, table.fontSize - 0.5);
  const chunks = columnChunks(table.columns, writer.contentWidth, table.keepGroups);
  chunks.forEach((chunk, chunkIndex) => {
    if (chunkIndex > 0) writer.newPage();
    const groups = groupSpans(chunk);
    const widths = chunk.map((c) => c.width);
    const hasGroups = groups.some((g) => g.label !== undefined);
    const groupRow = hasGroups
      ? measureCells(
          metrics,
          groups.map((g) => ({ text: g.label ?? '', bold: true, shaded: false })),
          groups.map((g) => g.width),
          headerSize,
          minSize,
        )
      : undefined;
    const headerRow = measureCells(
      metrics,
      chunk.map((c) => ({ text: c.column.header, bold: true, shaded: false })),
      widths,
      headerSize,
      minSize,
      'wrap',
    );
    const headerHeight = headerRow.height + (groupRow?.height ?? 0);
    const rows = table.rows.map((row) =>
      measureCells(
        metrics,
        chunk.map((c) => {
          const cell = row[c.index] ?? { value: null };
          return { text: cellText(cell), bold: cell.bold ?? false, shaded: cell.shaded ?? false };
        }),
        widths,
        table.fontSize,
        minSize,
      ),
    );
    const segmentHeader = { groups, groupHeight: groupRow?.height ?? 0 };
    writer.ensure(headerHeight + (rows[0]?.height ?? 0));
    let segmentTop = drawHeader(writer, chunk, groups, groupRow, headerRow);
    const lastChunk = chunkIndex === chunks.length - 1;
    const keptFrom = Math.max(1, rows.length - ROWS_KEPT_WITH_SIGNATURE);
    rows.forEach((row, r) => {
      const keptHeight =
        lastChunk && keptTail > 0 && r === keptFrom
          ? rows.slice(r).reduce((sum, kept) => sum + kept.height, keptTail)
          : row.height;
      if (writer.y + keptHeight > writer.bottom) {
        closeSegment(writer, chunk, segmentTop, segmentHeader);
        writer.newPage();
        segmentTop = drawHeader(writer, chunk, groups, groupRow, headerRow);
      }
      drawRow(
        writer,
        chunk,
        row,
        row.cells.map((_, i) => chunk[i]?.column.align ?? 'center'),
      );
    });
    closeSegment(writer, chunk, segmentTop, segmentHeader);
    writer.y += TABLE_GAP;
  });
}

interface GroupSpan {
  readonly label: string | undefined;
  readonly x: number;
  readonly width: number;
}

function groupSpans(chunk: PlacedColumn[]): GroupSpan[] {
  const spans: GroupSpan[] = [];
  chunk.forEach((placed) => {
    const last = spans.at(-1);
    const label = placed.column.group;
    if (last && label !== undefined && last.label === label) {
      spans[spans.length - 1] = { ...last, width: last.width + placed.width };
    } else {
      spans.push({ label, x: placed.x, width: placed.width });
    }
  });
  return spans;
}

/** Draws the header rows at the cursor; columns without a group header span both header rows. */
function drawHeader(
  writer: PageWriter,
  chunk: PlacedColumn[],
  groups: GroupSpan[],
  groupRow: MeasuredRow | undefined,
  headerRow: MeasuredRow,
): number {
  const top = writer.y;
  const left = writer.left;
  const tableWidth = chunkWidth(chunk);
  const page = writer.page;
  page.lines.push({ x1: left, y1: top, x2: left + tableWidth, y2: top, width: FRAME_LINE });
  const headerAligns = chunk.map(() => 'center' as const);
  if (groupRow) {
    groups.forEach((group, i) => {
      if (group.label === undefined) return;
      const cell = groupRow.cells[i];
      if (cell) placeCell(writer, cell, left + group.x, top, group.width, groupRow.height, 'center');
      page.lines.push({
        x1: left + group.x,
        y1: top + groupRow.height,
        x2: left + group.x + group.width,
        y2: top + groupRow.height,
        width: GRID_LINE,
      });
    });
    const headerTop = top + groupRow.height;
    const fullHeight = groupRow.height + headerRow.height;
    chunk.forEach((placed, i) => {
      const cell = headerRow.cells[i];
      if (!cell) return;
      const grouped = placed.column.group !== undefined;
      placeCell(
        writer,
        cell,
        left + placed.x,
        grouped ? headerTop : top,
        placed.width,
        grouped ? headerRow.height : fullHeight,
        'center',
      );
    });
    writer.y = top + fullHeight;
  } else {
    drawRow(writer, chunk, headerRow, headerAligns);
    writer.y = top + headerRow.height;
  }
  page.lines.push({ x1: left, y1: writer.y, x2: left + tableWidth, y2: writer.y, width: FRAME_LINE });
  return top;
}

function drawRow(writer: PageWriter, chunk: PlacedColumn[], row: MeasuredRow, aligns: Align[]): void {
  const top = writer.y;
  row.cells.forEach((cell, i) => {
    const placed = chunk[i];
    if (placed)
      placeCell(writer, cell, writer.left + placed.x, top, placed.width, row.height, aligns[i] ?? 'center');
  });
  writer.y = top + row.height;
  writer.page.lines.push({
    x1: writer.left,
    y1: writer.y,
    x2: writer.left + chunkWidth(chunk),
    y2: writer.y,
    width: GRID_LINE,
  });
}

function placeCell(
  writer: PageWriter,
  cell: MeasuredRow['cells'][number],
  x: number,
  top: number,
  width: number,
  height: number,
  align: Align,
): void {
  const page = writer.page;
  if (cell.shaded) page.boxes.push({ x, y: top, width, height });
  const { size, lines } = cell.fitted;
  const blockHeight = lines.length * size * LINE_HEIGHT;
  let baseline = top + (height - blockHeight) / 2 + writer.metrics.ascent * size;
  const weight: FontWeight = cell.bold ? 'bold' : 'regular';
  for (const line of lines) {
    const lineWidth = writer.metrics.width(line, size, weight);
    page.texts.push({
      x: alignX(x + CELL_PAD, width - 2 * CELL_PAD, lineWidth, align),
      y: baseline,
      size,
      text: line,
      bold: cell.bold,
    });
    baseline += size * LINE_HEIGHT;
  }
}

/**
 * Vertical rules of a table segment on one page, from its header's top to the last row drawn;
 * rules inside a spanning group header start below it.
 */
function closeSegment(writer: PageWriter, chunk: PlacedColumn[], top: number, header: SegmentHeader): void {
  const left = writer.left;
  const bottom = writer.y;
  const page = writer.page;
  const edges = [0, ...chunk.map((c) => c.x + c.width)];
  edges.forEach((edge, i) => {
    const outer = i === 0 || i === edges.length - 1;
    const insideGroup = header.groups.some(
      (g) => g.label !== undefined && g.x + 0.01 < edge && edge < g.x + g.width - 0.01,
    );
    page.lines.push({
      x1: left + edge,
      y1: insideGroup ? top + header.groupHeight : top,
      x2: left + edge,
      y2: bottom,
      width: outer ? FRAME_LINE : GRID_LINE,
    });
  });
  page.lines.push({ x1: left, y1: bottom, x2: left + chunkWidth(chunk), y2: bottom, width: FRAME_LINE });
}

interface SegmentHeader {
  readonly groups: readonly GroupSpan[];
  readonly groupHeight: number;
}

function chunkWidth(chunk: PlacedColumn[]): number {
  const last = chunk.at(-1);
  return last ? last.x + last.width : 0;
}

function addFooters(pages: Page[], spec: DocumentSpec, metrics: FontMetrics): void {
  const total = pages.length;
  pages.forEach((page, i) => {
    const margins = pageMargins(page.width > page.height ? 'landscape' : 'portrait');
    const baseline = page.height - margins.bottom - 4;
    const label = spec.pageLabel.replace('{n}', String(i + 1)).replace('{N}', String(total));
    const labelWidth = metrics.width(label, 8, 'bold');
    page.texts.push({ x: (page.width - labelWidth) / 2, y: baseline, size: 8, text: label, bold: true });
    page.texts.push({
      x: margins.left,
      y: baseline,
      size: 7,
      text: `${spec.id} · ${spec.shortHash}`,
      bold: false,
    });
    page.lines.push({
      x1: margins.left,
      y1: page.height - margins.bottom - FOOTER_HEIGHT + 2,
      x2: page.width - margins.right,
      y2: page.height - margins.bottom - FOOTER_HEIGHT + 2,
      width: 0.3,
    });
    page.qr = {
      x: page.width - margins.right - QR_SIZE,
      y: page.height - margins.bottom - QR_SIZE,
      size: QR_SIZE,
      text: pageCode(spec.id, spec.shortHash, i + 1),
    };
  });
}

/** The watermark along the page's diagonal, as wide as two thirds of it, centred. */
function addWatermarks(pages: Page[], text: string, metrics: FontMetrics): void {
  for (const page of pages) {
    const diagonal = Math.hypot(page.width, page.height);
    const angle = Math.atan2(page.height, page.width);
    const size = Math.min(110, ((diagonal * 2) / 3 / metrics.width(text, 100, 'bold')) * 100);
    const half = metrics.width(text, size, 'bold') / 2;
    // The baseline's start, so that the word's middle sits at the page's centre.
    page.watermark = {
      x: page.width / 2 - half * Math.cos(angle) + (size / 3) * Math.sin(angle),
      y: page.height / 2 + half * Math.sin(angle) + (size / 3) * Math.cos(angle),
      size,
      angle: (angle * 180) / Math.PI,
      text,
    };
  }
}
