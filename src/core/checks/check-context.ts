import type { Mirror } from '../db/mirror';
import type { MarkDeadlines } from '../../shared/journal-rules';
import { lateMarkSql, schoolMarkDeadlines } from '../rules/mark-deadlines';
import type { Attribution } from './attribution';
import type { Finding } from './finding';
import type { CheckRules } from '../../shared/journal-rules';
import { CORRECTED_MARK_CONDITION } from './corrected-mark-condition';
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

export interface MarkScan {
  stats: Map<string, MarkStats>;
  lateMarkIds: number[];
  correctedMarkIds: number[];
}

export const studentSubjectKey = (classId: number, subjectId: number, studentId: number): string =>
  `${classId}:${subjectId}:${studentId}`;

/** What every rule may read; shared aggregates are computed once, on first use. */
export class CheckContext {
  private markScanCache: MarkScan | undefined;
  private finalsCache: Map<string, FinalRow> | undefined;
  /** The school's mark deadlines, read from its settings once per run. */
  readonly markDeadlines: MarkDeadlines;

  constructor(
    readonly mirror: Mirror,
    readonly scope: CheckScope,
    readonly rules: CheckRules,
    readonly attribution: Attribution,
  ) {
    this.markDeadlines = schoolMarkDeadlines(mirror);
  }

  /** The parameters every period query starts with: first day, last day, classes. */
  get periodParams(): [string, string, string] {
    return [this.scope.period.startsOn, this.scope.period.endsOn, scopeJson(this.scope)];
  }

  /**
   * One grouped pass over the period's marks: current marks per class × subject × student, and
   * the ids of the marks the late and corrected rules flag (their conditions live with those rules).
   */
  markScan(): MarkScan {
    if (!this.markScanCache) {
      const late = lateMarkSql(this.markDeadlines, {
        lessonDate: 'l.date',
        markType: 'm.mark_type',
        enteredAt: 'm.entered_at',
      }).compile(this.mirror.db);
      const rows = this.mirror.sqlite
        .prepare<
          unknown[],
          {
            classId: number;
            subjectId: number;
            studentId: number;
            marks: number;
            average: number | null;
            late: string | null;
            corrected: string | null;
          }
        >(
          `SELECT l.class_id AS classId, l.subject_id AS subjectId, m.student_id AS studentId,
                  count(*) AS marks, avg(m.numeric_value) AS average,
                  group_concat(CASE WHEN ${late.sql} THEN m.id END) AS late,
                  group_concat(CASE WHEN ${CORRECTED_MARK_CONDITION} THEN m.id END) AS corrected
           FROM lesson l JOIN mark m ON m.lesson_id = l.id
           WHERE l.date BETWEEN ? AND ? AND l.class_id IN ${IN_SCOPE}
           GROUP BY l.class_id, l.subject_id, m.student_id`,
        )
        .all(...late.parameters, ...this.periodParams);
      const stats = new Map<string, MarkStats>();
      const lateMarkIds: number[] = [];
      const correctedMarkIds: number[] = [];
      for (const r of rows) {
        stats.set(studentSubjectKey(r.classId, r.subjectId, r.studentId), {
          marks: r.marks,
          average: r.average,
        });
        if (r.late !== null) for (const id of r.late.split(',')) lateMarkIds.push(Number(id));
        if (r.corrected !== null) for (const id of r.corrected.split(',')) correctedMarkIds.push(Number(id));
      }
      this.markScanCache = { stats, lateMarkIds, correctedMarkIds };
    }
    return this.markScanCache;
  }

  markStats(): Map<string, MarkStats> {
    return this.markScan().stats;
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
export type CheckRule = (context: CheckContext) => Finding[];
