/**
 * The shape every monitoring report shares. A report is data first: typed tables of rows and
 * totals that are plain JSON (the screens draw them and their charts; the exporters print them).
 */

/** A text in the three languages the app speaks (documents use ky and ru). */
export interface Localized {
  readonly ky: string;
  readonly ru: string;
  readonly en: string;
}

export type DocumentLanguage = 'ky' | 'ru';

export type CellValue = string | number | null;

/** A table row. Declare row types as type aliases (not interfaces) so they fit this index signature. */
export type Row = Record<string, CellValue>;

/** How a column's values are shown: percents are 0–100 with one decimal, null when there is nothing to divide by. */
export type ColumnFormat = 'text' | 'integer' | 'decimal' | 'percent' | 'date';

/** A column; `column<R>()` in the core's reports/columns.ts checks the key against the row type. */
export interface ColumnDef {
  readonly key: string;
  readonly header: Localized;
  readonly format: ColumnFormat;
}

export interface ReportTable<R extends Row = Row> {
  readonly id: string;
  readonly title: Localized;
  readonly columns: readonly ColumnDef[];
  readonly rows: R[];
  /** The summing-up row (school or group total), null when totals mean nothing for the table. */
  readonly totals: R | null;
}

/** A hint for the screen: which table to chart, by which category, which series. */
export interface ReportChart {
  readonly id: string;
  readonly kind: 'bar' | 'line';
  readonly title: Localized;
  readonly tableId: string;
  readonly categoryKey: string;
  readonly seriesKeys: readonly string[];
  /** The series are parts of one whole (missed lessons by reason, marks by value): bars on top of each other. */
  readonly stacked?: boolean;
}

export interface ScopeSummary {
  readonly academicYear: string;
  readonly from: string;
  readonly to: string;
  readonly period: {
    readonly id: number;
    readonly kind: 'quarter' | 'half_year' | 'year';
    readonly number: number;
  } | null;
  readonly label: Localized;
  readonly classId: number | null;
  readonly teacherId: number | null;
  readonly subjectId: number | null;
}

export interface ReportResult<Tables extends Record<string, ReportTable> = Record<string, ReportTable>> {
  readonly name: string;
  readonly title: Localized;
  readonly scope: ScopeSummary;
  readonly generatedAt: string;
  readonly tables: Tables;
  readonly charts: readonly ReportChart[];
  /** What the reader must know to read the figures right (how a figure was counted). */
  readonly notes: readonly Localized[];
}

/** Any report, for code that only prints or draws it. */
export type AnyReport = ReportResult;
