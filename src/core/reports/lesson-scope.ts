import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { DB } from '../db/schema';
import type { MarkDeadlines } from '../../shared/journal-rules';
import { lateMarkSql, schoolDateSql } from '../rules/mark-deadlines';
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

/** A mark entered after its deadline (R 2.4, I 5.2 teacher g), by the school's mark deadlines. */
export function markIsLate(deadlines: MarkDeadlines): RawBuilder<number> {
  return lateMarkSql(deadlines, {
    lessonDate: 'lesson.date',
    markType: 'mark.mark_type',
    enteredAt: 'mark.entered_at',
  });
}

/** A mark that was changed after it was first entered: the source kept its previous value or a later change time. */
export const markIsCorrected: RawBuilder<number> = sql<number>`(mark.previous_value IS NOT NULL OR mark.changed_at > mark.entered_at)`;

/** Lesson data belong on the day of the lesson (R 2.1–2.3); topics may come in advance, never after. */
export const lessonEnteredLate: RawBuilder<number> = sql<number>`(${schoolDateSql('lesson.entered_at')} > lesson.date)`;

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
export function markIsBackdated(
  quarters: readonly PeriodDates[],
  deadlines: MarkDeadlines,
): RawBuilder<number> {
  if (quarters.length === 0) return sql<number>`0`;
  const ends = quarters.map(
    (q) => sql`WHEN lesson.date BETWEEN ${q.starts_on} AND ${q.ends_on} THEN ${q.ends_on}`,
  );
  return sql<number>`(${markIsLate(deadlines)} AND coalesce(${schoolDateSql('mark.entered_at')} > (CASE ${sql.join(ends, sql` `)} END), 0))`;
}
