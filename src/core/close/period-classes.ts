import { getSetting } from '../settings/app-settings';
import type { Mirror } from '../db/mirror';
import type { PeriodKind } from '../db/schema';

/** Paper copies are made for classes 2–11 (class 1 is not marked, I 4). */
export const FIRST_CLOSED_GRADE = 2;

export interface PeriodClass {
  id: number;
  grade: number;
  letter: string;
}

/**
 * Whether a class of this grade is closed with a period of this kind. The regulation fills the
 * paper copies of classes 2–11 at the end of every quarter (I 4.4), so a quarter close takes
 * them all; the grades the school marks by half-year (the day-1 check setting `halfYearGrades`)
 * are checked there for marks and attendance only, as the checks already do. A half-year close
 * is for those grades alone: the others give no half-year finals. The year closes every class.
 */
export function closesInPeriod(grade: number, kind: PeriodKind, halfYearGrades: readonly number[]): boolean {
  if (grade < FIRST_CLOSED_GRADE) return false;
  return kind !== 'half_year' || halfYearGrades.includes(grade);
}

/** The classes of the period's school year that its close takes by default, by grade and letter. */
export function periodClasses(
  mirror: Mirror,
  period: { academic_year_id: number; kind: PeriodKind },
): PeriodClass[] {
  const { halfYearGrades } = getSetting(mirror, 'checkRules');
  return mirror
    .all(
      mirror.db
        .selectFrom('class')
        .select(['id', 'grade', 'letter'])
        .where('academic_year_id', '=', period.academic_year_id)
        .orderBy('grade')
        .orderBy('letter'),
    )
    .filter((c) => closesInPeriod(c.grade, period.kind, halfYearGrades));
}
