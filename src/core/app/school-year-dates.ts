import type { Mirror } from '../db/mirror';
import { MoorError } from '../errors';

interface DateRange {
  readonly startsOn: string;
  readonly endsOn: string;
}

/** A school year as the forms give it: its label, its dates and its four quarters. */
export interface SchoolYearInput {
  readonly year: DateRange & { readonly label: string };
  readonly quarters: readonly DateRange[];
}

/** The year ends after it starts, and its quarters lie inside it, in order, without overlapping. */
export function checkSchoolYearDates({ year, quarters }: SchoolYearInput): void {
  if (year.startsOn >= year.endsOn) {
    throw new MoorError('BAD_DATES', 'The academic year must end after it starts.', { field: 'year' });
  }
  checkQuarterDates(year, quarters);
}

/** The quarters of a year: each ends after it starts, inside the year, after the one before it. */
export function checkQuarterDates(year: DateRange, quarters: readonly DateRange[]): void {
  let previousEnd = '';
  quarters.forEach((q, index) => {
    const field = `quarters.${index}`;
    if (q.startsOn > q.endsOn) {
      throw new MoorError('BAD_DATES', `Quarter ${index + 1} ends before it starts.`, { field });
    }
    if (q.startsOn < year.startsOn || q.endsOn > year.endsOn) {
      throw new MoorError('BAD_DATES', `Quarter ${index + 1} lies outside the academic year.`, { field });
    }
    if (q.startsOn <= previousEnd) {
      throw new MoorError('BAD_DATES', `Quarter ${index + 1} overlaps the quarter before it.`, { field });
    }
    previousEnd = q.endsOn;
  });
}

/**
 * Writes a school year with its reporting periods: the four quarters, the two half-years they make
 * and the year itself. Returns the year's id.
 */
export function insertSchoolYear(mirror: Mirror, { year, quarters }: SchoolYearInput): number {
  const [q1, q2, q3, q4] = quarters;
  if (!q1 || !q2 || !q3 || !q4 || quarters.length !== 4) {
    throw new MoorError('BAD_DATES', 'A school year has four quarters.', { field: 'quarters' });
  }
  const { lastInsertRowid: yearId } = mirror.run(
    mirror.db
      .insertInto('academic_year')
      .values({ label: year.label, starts_on: year.startsOn, ends_on: year.endsOn }),
  );
  const periods = [
    ...quarters.map((q, i) => ({ kind: 'quarter' as const, number: i + 1, ...q })),
    { kind: 'half_year' as const, number: 1, startsOn: q1.startsOn, endsOn: q2.endsOn },
    { kind: 'half_year' as const, number: 2, startsOn: q3.startsOn, endsOn: q4.endsOn },
    { kind: 'year' as const, number: 1, startsOn: year.startsOn, endsOn: year.endsOn },
  ];
  for (const { kind, number, startsOn, endsOn } of periods) {
    mirror.run(
      mirror.db
        .insertInto('reporting_period')
        .values({ kind, number, starts_on: startsOn, ends_on: endsOn, academic_year_id: yearId }),
    );
  }
  return yearId;
}
