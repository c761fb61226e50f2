import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { DB } from '../db/schema';
import type { ReportScope } from './scope';

/**
 * The lessons a report looks at: held in the scope's dates, in its class and subject.
 * (A teacher filter is applied to journals, not lessons: a substitute's lesson still belongs
 * to the journal of the teacher who carries the load.)
 */
export function lessonsInScope(db: Kysely<DB>, scope: ReportScope): SelectQueryBuilder<DB, 'lesson', object> {
  let query = db
    .selectFrom('lesson')
    .where('lesson.date', '>=', scope.from)
    .where('lesson.date', '<=', scope.to);
  if (scope.classId !== null) query = query.where('lesson.class_id', '=', scope.classId);
  if (scope.subjectId !== null) query = query.where('lesson.subject_id', '=', scope.subjectId);
  return query;
}

/**
 * The school's calendar day of an instant. Kyrgyzstan keeps UTC+6 all year (no summer time),
 * and the journal rules count days as the school lives them, not in UTC.
 */
export function localDay(instantColumn: string): RawBuilder<string> {
  return sql<string>`date(${sql.ref(instantColumn)}, '+6 hours')`;
}

/** Mark types of written works (control, written, test and exam works): 5 days to mark them. */
export const WRITTEN_MARK_TYPES = ['control', 'write', 'test', 'exam'] as const;

/**
 * A mark entered after its deadline (R 2.4, I 5.2 teacher g): oral answers within 24 hours,
 * written, control, test and exam works within 5 days. The journal keeps only the lesson's date,
 * not its hour, so a mark counts late from the second calendar day after the lesson
 * (oral) or the sixth (written) — never blaming a teacher for a lesson held late in the day.
 * The first test is a cheap text comparison that clears most marks without computing a day:
 * a mark entered (in UTC, or in local time) no later than the lesson's own date is never late.
 */
export const markIsLate: RawBuilder<number> = sql<number>`(substr(mark.entered_at, 1, 10) > lesson.date
  AND (CASE WHEN mark.mark_type IN (${sql.join(WRITTEN_MARK_TYPES.map((type) => sql.lit(type)))})
    THEN ${localDay('mark.entered_at')} > date(lesson.date, '+5 days')
    ELSE ${localDay('mark.entered_at')} > date(lesson.date, '+1 day') END))`;

/** A mark that was changed after it was first entered: the source kept its previous value or a later change time. */
export const markIsCorrected: RawBuilder<number> = sql<number>`(mark.previous_value IS NOT NULL OR mark.changed_at > mark.entered_at)`;

/** Lesson data belong on the day of the lesson (R 2.1–2.3); topics may come in advance, never after. */
export const lessonEnteredLate: RawBuilder<number> = sql<number>`(${localDay('lesson.entered_at')} > lesson.date)`;

export const blank = (column: string): RawBuilder<number> =>
  sql<number>`(${sql.ref(column)} IS NULL OR trim(${sql.ref(column)}) = '')`;

/** Count of rows where a condition holds. */
export const countWhere = (condition: RawBuilder<number>): RawBuilder<number> =>
  sql<number>`coalesce(sum(CASE WHEN ${condition} THEN 1 ELSE 0 END), 0)`;

export interface PeriodDates {
  readonly starts_on: string;
  readonly ends_on: string;
}

/**
 * A mark back-dated into a closed quarter: entered past its deadline and after the quarter that
 * holds its lesson had ended, when the finals were set and the paper copy may be certified
 * (forbidden, I 5.2 teacher g). A mark entered on time just after the quarter's last day is not.
 */
export function markIsBackdated(quarters: readonly PeriodDates[]): RawBuilder<number> {
  if (quarters.length === 0) return sql<number>`0`;
  const ends = quarters.map(
    (q) => sql`WHEN lesson.date BETWEEN ${q.starts_on} AND ${q.ends_on} THEN ${q.ends_on}`,
  );
  return sql<number>`(${markIsLate} AND coalesce(${localDay('mark.entered_at')} > (CASE ${sql.join(ends, sql` `)} END), 0))`;
}
