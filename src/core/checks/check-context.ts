import type { Mirror } from '../db/mirror';
import type { Attribution } from './attribution';
import type { CheckRules } from './check-rules';
import { IN_SCOPE, scopeJson, type CheckScope } from './check-scope';

export interface MarkStats {
  marks: number;
  /** Average of the numeric marks; null when none is numeric. */
  average: number | null;
}

export interface FinalRow {
  classId: number;
  subjectId: number;
  studentId: number;
  value: string;
  numericValue: number | null;
}

export const studentSubjectKey = (classId: number, subjectId: number, studentId: number): string =>
  `${classId}:${subjectId}:${studentId}`;

/** What every rule may read; shared aggregates are computed once, on first use. */
export class CheckContext {
  private markStatsCache: Map<string, MarkStats> | undefined;
  private finalsCache: Map<string, FinalRow> | undefined;

  constructor(
    readonly mirror: Mirror,
    readonly scope: CheckScope,
    readonly rules: CheckRules,
    readonly attribution: Attribution,
  ) {}

  /** The parameters every period query starts with: first day, last day, classes. */
  get periodParams(): [string, string, string] {
    return [this.scope.period.startsOn, this.scope.period.endsOn, scopeJson(this.scope)];
  }

  /** Current marks per class × subject × student in the period, in one grouped pass over the marks. */
  markStats(): Map<string, MarkStats> {
    if (!this.markStatsCache) {
      const rows = this.mirror.sqlite
        .prepare<
          [string, string, string],
          { classId: number; subjectId: number; studentId: number; marks: number; average: number | null }
        >(
          `SELECT l.class_id AS classId, l.subject_id AS subjectId, m.student_id AS studentId,
                  count(*) AS marks, avg(m.numeric_value) AS average
           FROM lesson l JOIN mark m ON m.lesson_id = l.id
           WHERE l.date BETWEEN ? AND ? AND l.class_id IN ${IN_SCOPE}
           GROUP BY l.class_id, l.subject_id, m.student_id`,
        )
        .all(...this.periodParams);
      this.markStatsCache = new Map(
        rows.map((r) => [
          studentSubjectKey(r.classId, r.subjectId, r.studentId),
          { marks: r.marks, average: r.average },
        ]),
      );
    }
    return this.markStatsCache;
  }

  /** The period's finals of the scope's classes. */
  finals(): Map<string, FinalRow> {
    if (!this.finalsCache) {
      const rows = this.mirror.sqlite
        .prepare<[number, string], FinalRow>(
          `SELECT class_id AS classId, subject_id AS subjectId, student_id AS studentId, value,
                  numeric_value AS numericValue
           FROM period_final WHERE period_id = ? AND class_id IN ${IN_SCOPE}`,
        )
        .all(this.scope.period.id, scopeJson(this.scope));
      this.finalsCache = new Map(
        rows.map((r) => [studentSubjectKey(r.classId, r.subjectId, r.studentId), r]),
      );
    }
    return this.finalsCache;
  }
}

/** One day-1 rule: reads the context, returns what it found. */
export type CheckRule = (context: CheckContext) => import('./finding').Finding[];
