import type { CheckContext } from './check-context';
import { IN_SCOPE } from './check-scope';
import { finding, type Finding } from './finding';

interface CorrectedRow {
  markId: number;
  lessonId: number;
  classId: number;
  subjectId: number;
  subgroupId: number | null;
  studentId: number;
  lessonDate: string;
  value: string;
  previousValue: string | null;
  changedAt: string;
}

/** A mark changed after it was entered (correcting marks is forbidden, I 5.2 teacher g). */
export function correctedMarks(context: CheckContext): Finding[] {
  const rows = context.mirror.sqlite
    .prepare<[string, string, string], CorrectedRow>(
      `SELECT m.id AS markId, l.id AS lessonId, l.class_id AS classId, l.subject_id AS subjectId,
              l.subgroup_id AS subgroupId, m.student_id AS studentId, l.date AS lessonDate, m.value,
              m.previous_value AS previousValue, m.changed_at AS changedAt
       FROM lesson l JOIN mark m ON m.lesson_id = l.id
       WHERE l.date BETWEEN ? AND ? AND l.class_id IN ${IN_SCOPE}
         AND (m.previous_value IS NOT NULL OR m.changed_at > m.entered_at)
       ORDER BY l.date, m.id`,
    )
    .all(...context.periodParams);
  return rows.map((row) =>
    finding('corrected_mark', {
      classId: row.classId,
      subjectId: row.subjectId,
      subgroupId: row.subgroupId,
      studentId: row.studentId,
      lessonId: row.lessonId,
      markId: row.markId,
      lessonDate: row.lessonDate,
      value: `${row.previousValue ?? '?'}→${row.value}`,
      reference: row.changedAt,
    }),
  );
}
