import type { Mirror } from '../db/mirror';
import { schoolDate } from '../rules/mark-deadlines';
import type { ReportScope } from './scope';

/**
 * Weeks are counted by their working days Monday to Friday: a class that also learns on
 * Saturday has the same number of weeks, and its weekly load is per week either way.
 */
const WORKDAYS_PER_WEEK = 5;

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to`, both included, as ISO dates. */
export function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

function isWeekday(isoDate: string): boolean {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}

/**
 * Working days (Monday–Friday) of the scope that have passed by `today`, inside the academic
 * year and not in a holiday: the days the teaching load is planned over.
 */
export function workingDays(mirror: Mirror, scope: ReportScope, today: string): string[] {
  const year = mirror.first(
    mirror.db
      .selectFrom('academic_year')
      .select(['starts_on', 'ends_on'])
      .where('id', '=', scope.academicYearId),
  );
  if (!year) return [];
  const holidays = mirror.all(
    mirror.db
      .selectFrom('holiday')
      .select(['starts_on', 'ends_on'])
      .where('academic_year_id', '=', scope.academicYearId),
  );
  const from = scope.from > year.starts_on ? scope.from : year.starts_on;
  const lastDays = [scope.to, year.ends_on, today].sort();
  const to = lastDays[0] ?? scope.to;
  if (from > to) return [];
  return eachDay(from, to).filter(
    (day) => isWeekday(day) && !holidays.some((h) => h.starts_on <= day && day <= h.ends_on),
  );
}

/** Weeks of teaching in the scope so far (fractional: 7 school days are 1.4 weeks). */
export function teachingWeeks(mirror: Mirror, scope: ReportScope, today: string): number {
  return workingDays(mirror, scope, today).length / WORKDAYS_PER_WEEK;
}

/** The school's calendar day of a moment. */
export function schoolToday(now: Date): string {
  return schoolDate(now);
}
