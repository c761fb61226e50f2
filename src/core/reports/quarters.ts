import type { Mirror } from '../db/mirror';
import type { PeriodDates } from './lesson-scope';

/** The quarters of an academic year, in order, with their ids and numbers. */
export function quartersOf(
  mirror: Mirror,
  academicYearId: number,
): (PeriodDates & { readonly id: number; readonly number: number })[] {
  return mirror.all(
    mirror.db
      .selectFrom('reporting_period')
      .select(['id', 'number', 'starts_on', 'ends_on'])
      .where('academic_year_id', '=', academicYearId)
      .where('kind', '=', 'quarter')
      .orderBy('number'),
  );
}
