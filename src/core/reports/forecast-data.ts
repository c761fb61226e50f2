import { sql } from 'kysely';
import type { Mirror } from '../db/mirror';
import { schoolDateSql } from '../rules/mark-deadlines';
import type { MarkSummary } from './forecast-model';

export interface MarksAsOf {
  readonly from: string;
  /** Lessons up to this day, and marks as the journal showed them at this day's end. */
  readonly asOf: string;
  readonly classId: number | null;
  readonly subjectId: number | null;
  /** Only these classes (the ones a backtest has finals for); all when absent. */
  readonly classIds?: readonly number[];
}

export const pairKey = (classId: number, studentId: number, subjectId: number): string =>
  `${classId}:${studentId}:${subjectId}`;

/**
 * Current numeric marks per class, student and subject as they stood at the end of `asOf`:
 * marks entered later are left out, and a mark corrected later counts with its earlier value.
 * This is what makes a backtest honest: it sees only what the deputy would have seen.
 */
export function marksAsOf(mirror: Mirror, window: MarksAsOf): Map<string, MarkSummary> {
  if (window.classIds?.length === 0) return new Map();
  const summaries = new Map<string, MarkSummary>();
  for (const row of mirror.all(marksAsOfQuery(mirror, window))) {
    summaries.set(pairKey(row.class_id, row.student_id, row.subject_id), { count: row.count, sum: row.sum });
  }
  return summaries;
}

/** The query behind `marksAsOf`, for its plan to be pinned in tests. */
export function marksAsOfQuery(mirror: Mirror, window: MarksAsOf) {
  // Cheap tests first: most marks were never corrected, and most were entered before the day
  // began in UTC, which is before it ended in Bishkek; only the rest need their local day computed.
  const valueThen = sql<number>`(CASE WHEN mark.previous_value GLOB '[1-5]'
      AND ${schoolDateSql('mark.changed_at')} > ${window.asOf} THEN CAST(mark.previous_value AS INTEGER) ELSE mark.numeric_value END)`;
  const enteredByThen = sql<boolean>`(mark.entered_at < ${window.asOf} OR ${schoolDateSql('mark.entered_at')} <= ${window.asOf})`;
  let query = mirror.db
    .selectFrom('lesson')
    .innerJoin('mark', 'mark.lesson_id', 'lesson.id')
    .where('lesson.date', '>=', window.from)
    .where('lesson.date', '<=', window.asOf)
    .where('mark.numeric_value', 'is not', null)
    .where(enteredByThen)
    .select((eb) => [
      'lesson.class_id',
      'mark.student_id',
      'lesson.subject_id',
      eb.fn.countAll<number>().as('count'),
      sql<number>`sum(${valueThen})`.as('sum'),
    ])
    .groupBy(['lesson.class_id', 'mark.student_id', 'lesson.subject_id']);
  if (window.classId !== null) query = query.where('lesson.class_id', '=', window.classId);
  if (window.classIds !== undefined && window.classIds.length > 0) {
    query = query.where('lesson.class_id', 'in', window.classIds);
  }
  if (window.subjectId !== null) query = query.where('lesson.subject_id', '=', window.subjectId);
  return query;
}

/** The day `weeks` weeks before `isoDate`. */
export function weeksBefore(isoDate: string, weeks: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - Math.round(weeks * 7));
  return date.toISOString().slice(0, 10);
}

/** The share of a period's calendar days gone by at the end of `asOf` (0–1). */
export function elapsedShare(startsOn: string, endsOn: string, asOf: string): number {
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const total = day(endsOn) - day(startsOn) + 1;
  const gone = day(asOf) - day(startsOn) + 1;
  return Math.min(1, Math.max(0, gone / total));
}
