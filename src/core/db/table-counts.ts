import type { Mirror } from './mirror';

/** Row counts of every table in the mirror, in the order SQLite lists them. */
export function tableCounts(mirror: Mirror): { table: string; rows: number }[] {
  const tables = mirror.sqlite
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
    )
    .all();
  return tables.map(({ name }) => {
    const row = mirror.sqlite.prepare<[], { n: number }>(`SELECT count(*) AS n FROM "${name}"`).get();
    return { table: name, rows: row?.n ?? 0 };
  });
}
