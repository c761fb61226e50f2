import { sql } from 'kysely';
import type { Mirror } from '../db/mirror';

/**
 * Registers are numbered from 1 again every calendar year, as school records are. The year is the
 * school's local year of the event: a backup made on 31 December belongs to that year's register.
 */
export function registerYear(at: Date): number {
  return at.getFullYear();
}

export function nextRegisterNumber(
  mirror: Mirror,
  table: 'backup_register' | 'archive_register',
  year: number,
): number {
  const row = mirror.first(
    mirror.db
      .selectFrom(table)
      .select(sql<number>`coalesce(max(number), 0)`.as('last'))
      .where('year', '=', year),
  );
  return (row?.last ?? 0) + 1;
}
