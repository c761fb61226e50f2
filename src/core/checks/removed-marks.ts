import type { CheckContext } from './check-context';
import { IN_SCOPE } from './check-scope';
import { finding, type Finding } from './finding';

interface RemovedRow {
  markId: number;
  classId: number;
  subjectId: number;
  studentId: number | null;
  lessonDate: string;
  before: string | null;
  seenAt: string;
}

/** A mark the journal had and later removed, as the mirror saw it between syncs. */
export function removedMarks(context: CheckContext): Finding[] {
  const rows = context.mirror.sqlite
    .prepare<[string, string, string], RemovedRow>(
      `SELECT entity_id AS markId, class_id AS classId, subject_id AS subjectId, student_id AS studentId,
              lesson_date AS lessonDate, before_value AS before, seen_at AS seenAt
       FROM mirror_change
       WHERE kind = 'mark_removed' AND lesson_date BETWEEN ? AND ? AND class_id IN ${IN_SCOPE}
         AND subject_id IS NOT NULL
       ORDER BY lesson_date, id`,
    )
    .all(...context.periodParams);
  return rows.map((row) =>
    finding('removed_mark', {
      classId: row.classId,
      subjectId: row.subjectId,
      studentId: row.studentId,
      markId: row.markId,
      lessonDate: row.lessonDate,
      value: row.before,
      reference: row.seenAt,
    }),
  );
}
