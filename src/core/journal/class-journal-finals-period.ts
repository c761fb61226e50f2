import type { Mirror } from '../db/mirror';
import { getSetting } from '../settings/app-settings';
import type { ClassJournal } from './class-journal-types';

/** Which period's finals a copy shows, and why they may be another period's than the copy's own. */
export interface FinalsPeriod {
  /** The period whose finals the copy prints; null when this copy prints none. */
  readonly periodId: number | null;
  readonly markedByHalfYear?: ClassJournal['markedByHalfYear'];
}

/**
 * A class the school marks by half-year (the day-1 check setting `halfYearGrades`) gives no
 * quarter finals: its quarter copy shows the finals of the half-year when that quarter ends it
 * (the 2nd and the 4th), and none after the 1st and the 3rd. Every other copy shows its own
 * period's finals.
 */
export function finalsPeriod(
  mirror: Mirror,
  klass: ClassJournal['class'],
  period: ClassJournal['period'],
  academicYearId: number,
): FinalsPeriod {
  const { halfYearGrades } = getSetting(mirror, 'checkRules');
  if (period.kind !== 'quarter' || !halfYearGrades.includes(klass.grade)) return { periodId: period.id };
  const number = Math.ceil(period.number / 2);
  const endsHalfYear = period.number % 2 === 0;
  const halfYear = mirror.first(
    mirror.db
      .selectFrom('reporting_period')
      .select('id')
      .where('academic_year_id', '=', academicYearId)
      .where('kind', '=', 'half_year')
      .where('number', '=', number),
  );
  const periodId = endsHalfYear && halfYear ? halfYear.id : null;
  const given =
    periodId !== null &&
    mirror.first(
      mirror.db
        .selectFrom('period_final')
        .select('id')
        .where('class_id', '=', klass.id)
        .where('period_id', '=', periodId),
    ) !== undefined;
  return { periodId: given ? periodId : null, markedByHalfYear: { number, finalsGiven: given } };
}
