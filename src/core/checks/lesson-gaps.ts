import type { CheckContext } from './check-context';
import { IN_SCOPE } from './check-scope';
import { finding, type CheckRuleId, type Finding } from './finding';

interface LessonRow {
  lessonId: number;
  classId: number;
  subjectId: number;
  subgroupId: number | null;
  lessonDate: string;
}

/** Lessons of the period whose given column (topic or homework) is empty. */
export function lessonsWithEmpty(
  context: CheckContext,
  column: 'topic' | 'homework',
  rule: CheckRuleId,
): Finding[] {
  const rows = context.mirror.sqlite
    .prepare<[string, string, string], LessonRow>(
      `SELECT id AS lessonId, class_id AS classId, subject_id AS subjectId, subgroup_id AS subgroupId,
              date AS lessonDate
       FROM lesson
       WHERE date BETWEEN ? AND ? AND class_id IN ${IN_SCOPE} AND trim(coalesce(${column}, '')) = ''
       ORDER BY date, lesson_number`,
    )
    .all(...context.periodParams);
  return rows.map((row) => finding(rule, row));
}
