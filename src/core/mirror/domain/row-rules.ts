import type { BundleTable } from '../bundle/columns';
import type { Row } from '../batch';
import { markProblem, type MarkScale } from '../../settings/mark-scale';
import { isCalendarDate } from './calendar-date';

/** What the rules need to know beyond the row itself: the school's calendar and its scale. */
export interface DomainContext {
  scale: MarkScale;
  /** Every school year the mirror or the batch knows, by id. */
  years: ReadonlyMap<number, { startsOn: string; endsOn: string }>;
}

/** A broken rule: the column and what was expected there. */
export interface RowProblem {
  column: string;
  expected: string;
}

/** The most lessons a class has in one day: a number past it is not a lesson of the timetable. */
export const MAX_LESSONS_PER_DAY = 12;
/** A lesson lasts 45 minutes: one cannot be later than that and still be counted late, not absent. */
export const MAX_LATE_MINUTES = 45;

// Control characters have no place in a name; NUL in particular cuts the name short in C libraries.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

type Rule = (row: Row, context: DomainContext) => RowProblem | undefined;

const name =
  (...columns: string[]): Rule =>
  (row) => {
    for (const column of columns) {
      const value = row[column];
      if (typeof value !== 'string' || value.trim() === '' || CONTROL.test(value)) {
        return { column, expected: 'a name, not empty and without control characters' };
      }
    }
    return undefined;
  };

const optionalName =
  (...columns: string[]): Rule =>
  (row) => {
    for (const column of columns) {
      const value = row[column];
      if (value != null && (typeof value !== 'string' || CONTROL.test(value))) {
        return { column, expected: 'a name without control characters' };
      }
    }
    return undefined;
  };

const date =
  (column: string, optional = false): Rule =>
  (row) => {
    const value = row[column];
    if (optional && value == null) return undefined;
    return isCalendarDate(value) ? undefined : { column, expected: 'a date that exists on the calendar' };
  };

/** The dates of a row of a school year's calendar lie inside that year. */
const insideItsYear: Rule = (row, context) => {
  const year = context.years.get(row.academic_year_id as number);
  if (year === undefined) return undefined;
  for (const column of ['starts_on', 'ends_on']) {
    const value = String(row[column]);
    if (value < year.startsOn || value > year.endsOn) {
      return { column, expected: `a date inside the school year (${year.startsOn} – ${year.endsOn})` };
    }
  }
  return undefined;
};

const ordered =
  (from: string, to: string): Rule =>
  (row) =>
    row[to] != null && String(row[from]) > String(row[to])
      ? { column: to, expected: `a date not before ${from} (${String(row[from])})` }
      : undefined;

const insideSomeYear: Rule = (row, context) => {
  const value = String(row.date);
  for (const year of context.years.values()) {
    if (value >= year.startsOn && value <= year.endsOn) return undefined;
  }
  return { column: 'date', expected: 'a date inside a school year the mirror knows' };
};

const wholeNumber =
  (column: string, min: number, max: number): Rule =>
  (row) => {
    const value = row[column];
    return Number.isInteger(value) && (value as number) >= min && (value as number) <= max
      ? undefined
      : { column, expected: `a whole number from ${min} to ${max}` };
  };

const mark: Rule = (row, context) => {
  const problem = markProblem(context.scale, row.value, row.numeric_value);
  if (problem === undefined) return undefined;
  return { column: problem.startsWith('a mark') ? 'value' : 'numeric_value', expected: problem };
};

const lateRange = wholeNumber('late_minutes', 0, MAX_LATE_MINUTES);
const lateMinutes: Rule = (row, context) => {
  if (row.kind === 'late') return lateRange(row, context);
  return row.late_minutes == null ? undefined : { column: 'late_minutes', expected: 'none for an absence' };
};

/** The journal's own rules, table by table; a table not listed has no rule beyond its schema. */
export const rowRules: Partial<Record<BundleTable, readonly Rule[]>> = {
  school: [name('name_ky', 'name_ru')],
  academic_year: [date('starts_on'), date('ends_on'), ordered('starts_on', 'ends_on')],
  reporting_period: [date('starts_on'), date('ends_on'), ordered('starts_on', 'ends_on'), insideItsYear],
  holiday: [date('starts_on'), date('ends_on'), ordered('starts_on', 'ends_on'), name('name_ky', 'name_ru')],
  staff: [name('last_name', 'first_name'), optionalName('middle_name')],
  subject: [name('code', 'name_ky', 'name_ru', 'short_ky', 'short_ru')],
  class: [wholeNumber('grade', 1, 11), name('letter')],
  student: [name('last_name', 'first_name'), optionalName('middle_name')],
  enrollment: [date('joined_on'), date('left_on', true), ordered('joined_on', 'left_on')],
  subgroup: [name('name')],
  lesson: [date('date'), insideSomeYear, wholeNumber('lesson_number', 1, MAX_LESSONS_PER_DAY)],
  mark: [mark],
  attendance: [lateMinutes],
  period_final: [mark],
};

/** The first rule a row breaks, if any. */
export function rowProblem(table: BundleTable, row: Row, context: DomainContext): RowProblem | undefined {
  for (const rule of rowRules[table] ?? []) {
    const problem = rule(row, context);
    if (problem !== undefined) return problem;
  }
  return undefined;
}
