import type { ColumnDef, ColumnFormat, Localized, ReportTable, Row } from './report-types';

/** How a column's values read and its header, in the three languages. */
export interface ColumnLayout {
  readonly format: ColumnFormat;
  readonly header: Localized;
}

/**
 * A table's columns as data, keyed by the row's field, in the order they print. Keying by the
 * row type makes a misspelt field a compile error.
 */
export type ColumnsLayout<R extends Row> = { readonly [K in keyof R & string]?: ColumnLayout };

/** What a table is before there are figures: its title and its columns. */
export interface TableLayout<R extends Row> {
  readonly title: Localized;
  readonly columns: ColumnsLayout<R>;
}

/** The figures of a table: its rows and its summing-up row. */
export interface TableFigures<R extends Row> {
  readonly rows: R[];
  readonly totals: R | null;
}

export function columnDefs<R extends Row>(columns: ColumnsLayout<R>): ColumnDef[] {
  return Object.entries(columns).flatMap(([key, layout]) =>
    layout === undefined ? [] : [{ key, format: layout.format, header: layout.header }],
  );
}

/** A table laid out and filled with its figures. */
export function filledTable<R extends Row>(
  id: string,
  layout: TableLayout<R>,
  figures: TableFigures<R>,
): ReportTable<R> {
  return {
    id,
    title: layout.title,
    columns: columnDefs(layout.columns),
    rows: figures.rows,
    totals: figures.totals,
  };
}
