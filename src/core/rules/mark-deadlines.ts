import { sql, type RawBuilder } from 'kysely';
import type { Mirror } from '../db/mirror';
import { getSetting } from '../settings/app-settings';
import { markTypes } from '../../shared/mark-types';
import type { MarkDeadlines } from '../../shared/journal-rules';

/**
 * The one rule for marks entered past their deadline, used by the mirror's sync, the day-1
 * checks and the deputies' reports: a predicate for code, the same condition for SQL. Both count
 * in whole seconds since the epoch, so they agree on every mark, including the boundary second.
 */

/** Kyrgyzstan keeps UTC+6 all year (no summer time); the journal rules count the school's days. */
export const SCHOOL_UTC_OFFSET_HOURS = 6;

const HOUR = 3600;

/** The school's mark deadlines, as set in its settings (the regulations' when never changed). */
export function schoolMarkDeadlines(mirror: Mirror): MarkDeadlines {
  return getSetting(mirror, 'markDeadlines');
}

/** A type the journal does not know is given the oral answers' deadline. */
const isKnownType = (markType: string): markType is (typeof markTypes)[number] =>
  (markTypes as readonly string[]).includes(markType);

/** Seconds from the start (UTC midnight) of the lesson's date to the deadline of a mark of this type. */
function deadlineOffsetSeconds(deadlines: MarkDeadlines, markType: string): number {
  const hours = isKnownType(markType)
    ? deadlines.hoursByMarkType[markType]
    : deadlines.hoursByMarkType.general;
  return Math.round((24 - SCHOOL_UTC_OFFSET_HOURS + hours) * HOUR);
}

const epochSeconds = (instant: string | Date): number =>
  Math.floor((typeof instant === 'string' ? Date.parse(instant) : instant.getTime()) / 1000);

/** The last instant at which a mark of this type for a lesson on `lessonDate` is on time. */
export function markDeadlineAt(deadlines: MarkDeadlines, lessonDate: string, markType: string): string {
  const seconds = epochSeconds(`${lessonDate}T00:00:00Z`) + deadlineOffsetSeconds(deadlines, markType);
  return new Date(seconds * 1000).toISOString();
}

/** Whether a mark entered (or first seen) at `at` is past its deadline; an unreadable instant is not. */
export function isMarkLate(
  deadlines: MarkDeadlines,
  lessonDate: string,
  markType: string,
  at: string | Date,
): boolean {
  const seconds = epochSeconds(at);
  if (Number.isNaN(seconds)) return false;
  return seconds > epochSeconds(`${lessonDate}T00:00:00Z`) + deadlineOffsetSeconds(deadlines, markType);
}

/** The school's calendar date of an instant. */
export function schoolDate(instant: string | Date): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) return typeof instant === 'string' ? instant.slice(0, 10) : '';
  return new Date(ms + SCHOOL_UTC_OFFSET_HOURS * HOUR * 1000).toISOString().slice(0, 10);
}

/** The school's calendar date of an instant column, in SQL. */
export function schoolDateSql(instantColumn: string): RawBuilder<string> {
  return sql<string>`date(${sql.ref(instantColumn)}, ${sql.lit(`+${SCHOOL_UTC_OFFSET_HOURS} hours`)})`;
}

export interface MarkColumns {
  /** The lesson's date, 'YYYY-MM-DD'. */
  readonly lessonDate: string;
  readonly markType: string;
  /** The instant the mark was entered. */
  readonly enteredAt: string;
}

/**
 * The SQL condition of `isMarkLate` over the named columns. Most marks are entered on their
 * lesson's day; when every deadline runs at least half a day past the end of that day (so even an
 * instant written in a zone 12 hours behind UTC names a later date), such a mark cannot be late
 * and a text comparison of the dates clears it before any date arithmetic.
 */
export function lateMarkSql(deadlines: MarkDeadlines, columns: MarkColumns): RawBuilder<number> {
  const entered = sql.ref(columns.enteredAt);
  const lessonDate = sql.ref(columns.lessonDate);
  const cases = markTypes.map(
    (type) => sql`WHEN ${sql.lit(type)} THEN ${sql.lit(deadlineOffsetSeconds(deadlines, type))}`,
  );
  const late = sql<number>`unixepoch(${entered}) > unixepoch(${lessonDate}) + (CASE ${sql.ref(columns.markType)} ${sql.join(cases, sql` `)} ELSE ${sql.lit(deadlineOffsetSeconds(deadlines, 'general'))} END)`;
  const shortest = Math.min(...markTypes.map((type) => deadlines.hoursByMarkType[type]));
  if (shortest < SCHOOL_UTC_OFFSET_HOURS + 12) return sql<number>`(${late})`;
  return sql<number>`(substr(${entered}, 1, 10) > ${lessonDate} AND ${late})`;
}
