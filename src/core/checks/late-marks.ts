import type { CheckContext } from './check-context';
import { IN_SCOPE } from './check-scope';
import { markTypes } from './check-rules';
import { finding, type Finding } from './finding';

interface LateRow {
  markId: number;
  lessonId: number;
  classId: number;
  subjectId: number;
  subgroupId: number | null;
  studentId: number;
  lessonDate: string;
  value: string;
  enteredAt: string;
  deadline: string;
}

/**
 * A mark entered after its deadline: the end of the lesson's day (school time) plus the hours
 * its mark type allows. The lesson's hour is not in the journal, so the day's end is the fair start.
 */
export function lateMarks(context: CheckContext): Finding[] {
  const { markDeadlineHours, utcOffsetHours } = context.rules;
  const deadlines = markTypes.map(() => '(?, ?)').join(', ');
  const deadlineParams = markTypes.flatMap((type) => [type, markDeadlineHours[type] / 24]);
  const dayEnd = 1 - utcOffsetHours / 24;
  const rows = context.mirror.sqlite
    .prepare<unknown[], LateRow>(
      `WITH deadline(mark_type, days) AS (VALUES ${deadlines})
       SELECT m.id AS markId, l.id AS lessonId, l.class_id AS classId, l.subject_id AS subjectId,
              l.subgroup_id AS subgroupId, m.student_id AS studentId, l.date AS lessonDate, m.value,
              m.entered_at AS enteredAt,
              strftime('%Y-%m-%dT%H:%M:%SZ', julianday(l.date) + ? + d.days) AS deadline
       FROM lesson l
       JOIN mark m ON m.lesson_id = l.id
       JOIN deadline d ON d.mark_type = m.mark_type
       WHERE l.date BETWEEN ? AND ? AND l.class_id IN ${IN_SCOPE}
         AND julianday(m.entered_at) > julianday(l.date) + ? + d.days
       ORDER BY l.date, m.id`,
    )
    .all(...deadlineParams, dayEnd, ...context.periodParams, dayEnd);
  return rows.map((row) =>
    finding('late_mark', {
      classId: row.classId,
      subjectId: row.subjectId,
      subgroupId: row.subgroupId,
      studentId: row.studentId,
      lessonId: row.lessonId,
      markId: row.markId,
      lessonDate: row.lessonDate,
      value: row.value,
      reference: `${row.enteredAt} > ${row.deadline}`,
    }),
  );
}
