import type { Mirror } from './mirror';

/**
 * Inserts plain rows into one table with a single prepared statement. The hot path of bulk
 * writes (the demo school, bundle imports): no query building per row. Call it inside a
 * transaction; column names come from the first row and must be the same in every row.
 */
export function insertRows(mirror: Mirror, table: string, rows: readonly object[]): void {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(first);
  const statement = mirror.sqlite.prepare(
    `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  const values = new Array<unknown>(columns.length);
  for (const row of rows) {
    const record = row as Record<string, unknown>;
    for (let i = 0; i < columns.length; i++) values[i] = record[columns[i] as string];
    statement.run(values);
  }
}
