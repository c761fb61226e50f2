import type Database from 'better-sqlite3';
import type { Mirror } from '../db/mirror';
import type { Row } from './batch';
import { columnNames, rowKey, type BundleTable } from './bundle/columns';

/**
 * Prepared statements for one table, built from the bundle's column list: the pipeline's hot
 * path writes rows with them directly, with no query building per row.
 */
export interface TableIo {
  readonly columns: readonly string[];
  insert(row: Row): void;
  /** Inserts a row given as values in the bundle's column order. */
  insertValues(values: readonly unknown[]): void;
  update(row: Row): void;
  remove(row: Row): void;
}

export function tableIo(mirror: Mirror, table: BundleTable): TableIo {
  const columns = columnNames(table);
  const keyColumns = keyColumnsOf(table);
  const valueColumns = columns.filter((c) => !keyColumns.includes(c));
  const quoted = (c: string) => `"${c}"`;
  const where = keyColumns.map((c) => `${quoted(c)} = ?`).join(' AND ');
  const insert = mirror.sqlite.prepare(
    `INSERT INTO "${table}" (${columns.map(quoted).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  const update =
    valueColumns.length === 0
      ? undefined
      : mirror.sqlite.prepare(
          `UPDATE "${table}" SET ${valueColumns.map((c) => `${quoted(c)} = ?`).join(', ')} WHERE ${where}`,
        );
  const remove = mirror.sqlite.prepare(`DELETE FROM "${table}" WHERE ${where}`);
  const values = (row: Row, names: readonly string[]) => names.map((c) => row[c] ?? null);
  return {
    columns,
    insert: (row) => insert.run(values(row, columns)),
    insertValues: (row) => insert.run(row),
    update: (row) => update?.run([...values(row, valueColumns), ...values(row, keyColumns)]),
    remove: (row) => remove.run(values(row, keyColumns)),
  };
}

function keyColumnsOf(table: BundleTable): string[] {
  if (table === 'subgroup_member') return ['subgroup_id', 'student_id'];
  if (table === 'frozen_scope') return ['class_id', 'period_id'];
  return ['id'];
}

/** Every row of a table, keyed as the pipeline matches rows. */
export function loadTable(mirror: Mirror, table: BundleTable): Map<string | number, Row> {
  const select = mirror.sqlite.prepare(
    `SELECT ${columnNames(table)
      .map((c) => `"${c}"`)
      .join(', ')} FROM "${table}"`,
  );
  return keyedRows(table, select);
}

export function keyedRows(
  table: BundleTable,
  statement: Database.Statement,
  ...params: unknown[]
): Map<string | number, Row> {
  const rows = new Map<string | number, Row>();
  for (const row of statement.iterate(...params) as Iterable<Row>) rows.set(rowKey(table, row), row);
  return rows;
}

export function sameRow(columns: readonly string[], a: Row, b: Row): boolean {
  for (const column of columns) if ((a[column] ?? null) !== (b[column] ?? null)) return false;
  return true;
}
