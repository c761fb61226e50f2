import path from 'node:path';
import { printedDate } from '../documents/format-date';
import { documentLabels } from '../documents/words';
import type { Block, Cell, Column, DocumentSpec } from '../documents/layout/model';
import { fingerprintOf, shortHash } from '../documents/short-hash';
import { writeAtomically, writePdf, writeXlsx } from '../documents/write-document';
import { MoorError } from '../errors';
import type { AnyReport, CellValue, ColumnDef, DocumentLanguage, ReportTable } from './report-types';

/** Widths in points (and shares of the spare width) by what a column holds. */
function layoutColumn(def: ColumnDef, language: DocumentLanguage): Column {
  const header = def.header[language];
  if (def.format !== 'text')
    return { header, width: def.format === 'date' ? 46 : 30, grow: 1, align: 'right' };
  if (def.key === 'student') return { header, width: 110, grow: 4, align: 'left' };
  if (def.key === 'class') return { header, width: 28, grow: 0.5, align: 'left' };
  return { header, width: 62, grow: 2, align: 'left' };
}

function cell(def: ColumnDef, value: CellValue | undefined, total: boolean): Cell {
  const style = total ? { bold: true, shaded: true } : {};
  if (value === null || value === undefined) return { value: '', ...style };
  if (def.format === 'date' && typeof value === 'string' && value !== '')
    return { value: printedDate(value), ...style };
  if (typeof value === 'number') {
    const decimals = def.format === 'percent' ? 1 : def.format === 'decimal' ? 2 : undefined;
    return decimals === undefined ? { value, ...style } : { value, decimals, ...style };
  }
  return { value, ...style };
}

function tableBlocks(table: ReportTable, language: DocumentLanguage): Block[] {
  const rows = table.rows.map((row) => table.columns.map((def) => cell(def, row[def.key], false)));
  if (table.totals) {
    const totals = table.totals;
    rows.push(table.columns.map((def) => cell(def, totals[def.key], true)));
  }
  return [
    { kind: 'text', text: table.title[language], size: 10, bold: true },
    {
      kind: 'table',
      fontSize: 7.5,
      minFontSize: 5.5,
      columns: table.columns.map((def) => layoutColumn(def, language)),
      rows,
    },
  ];
}

/**
 * A report as a printable document (the documents' layout model): one section per table,
 * each headed by the school, the report's title and its period, with the notes under the table.
 */
export function reportDocumentSpec(
  report: AnyReport,
  language: DocumentLanguage,
  schoolName: string,
): DocumentSpec {
  const labels = documentLabels(language);
  const scopeLine = `${report.scope.academicYear}: ${report.scope.label[language]} (${printedDate(report.scope.from)} – ${printedDate(report.scope.to)})`;
  const notes: Block[] = report.notes.map((note) => ({ kind: 'text', text: note[language], size: 7.5 }));
  const sections = Object.values(report.tables).map((table) => ({
    sheetName: table.title[language],
    orientation: 'landscape' as const,
    pageHeader: [schoolName, `${report.title[language]}. ${scopeLine}`],
    blocks: [...tableBlocks(table, language), { kind: 'space' as const, height: 6 }, ...notes],
  }));
  return {
    id: `REPORT-${report.name}-${report.scope.academicYear}-${report.scope.from}-${report.scope.to}`,
    shortHash: shortHash(fingerprintOf(report)),
    title: report.title[language],
    language,
    createdAt: report.generatedAt,
    pageLabel: labels.pageLabel,
    sections,
  };
}

export const exportFormats = ['pdf', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export function formatOf(target: string): ExportFormat {
  const extension = path.extname(target).slice(1).toLowerCase();
  const format = exportFormats.find((f) => f === extension);
  if (!format) {
    throw new MoorError(
      'EXPORT_WRONG_EXTENSION',
      `The output file must end in .pdf, .xlsx or .json (got "${path.basename(target)}").`,
      {
        target,
      },
    );
  }
  return format;
}

export interface ExportedReport {
  readonly path: string;
  readonly format: ExportFormat;
  readonly sha256: string | null;
  readonly pages: number | null;
}

/** Writes a report to PDF, Excel or JSON (by the file's extension); written whole or not at all. */
export async function exportReport(
  report: AnyReport,
  target: string,
  language: DocumentLanguage,
  schoolName: string,
): Promise<ExportedReport> {
  const format = formatOf(target);
  if (format === 'json') {
    writeAtomically(target, Buffer.from(`${JSON.stringify(report, null, 2)}\n`, 'utf8'));
    return { path: target, format, sha256: null, pages: null };
  }
  const spec = reportDocumentSpec(report, language, schoolName);
  if (format === 'pdf') {
    const written = await writePdf(spec, target);
    return { path: target, format, sha256: written.sha256, pages: written.pages };
  }
  const written = await writeXlsx(spec, target);
  return { path: target, format, sha256: written.sha256, pages: null };
}
