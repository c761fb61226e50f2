import type { CheckContext } from './check-context';
import { IN_SCOPE } from './check-scope';
import { finding, type Finding } from './finding';

interface SubstitutionRow {
  lessonId: number;
  classId: number;
  subjectId: number;
  subgroupId: number | null;
  lessonDate: string;
  teacherId: number;
}

/**
 * A lesson given by a teacher who is not assigned to that class and subject, and not marked as a
 * substitution (a substituted lesson must show it, R 2.1; I 5.2 teacher b).
 */
export function unrecordedSubstitutions(context: CheckContext): Finding[] {
  const rows = context.mirror.sqlite
    .prepare<[string, string, string], SubstitutionRow>(
      `SELECT l.id AS lessonId, l.class_id AS classId, l.subject_id AS subjectId, l.subgroup_id AS subgroupId,
              l.date AS lessonDate, l.teacher_id AS teacherId
       FROM lesson l
       WHERE l.date BETWEEN ? AND ? AND l.class_id IN ${IN_SCOPE} AND l.is_substitution = 0
         AND NOT EXISTS (
           SELECT 1 FROM teaching_assignment ta
           WHERE ta.class_id = l.class_id AND ta.subject_id = l.subject_id AND ta.teacher_id = l.teacher_id)
       ORDER BY l.date, l.lesson_number`,
    )
    .all(...context.periodParams);
  return rows.map(({ teacherId, ...row }) =>
    finding('unrecorded_substitution', { ...row, value: String(teacherId) }),
  );
}
