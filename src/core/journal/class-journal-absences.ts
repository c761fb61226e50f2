import type { JournalStudent, StudentAbsences } from './class-journal-types';
import type { AttendanceFact, LessonFact } from './class-journal-facts';

/**
 * Missed lessons per student over all subjects, by month and by reason (Б, У, else Н), and
 * lateness apart.
 */
export function countAbsences(
  students: readonly JournalStudent[],
  lessons: readonly LessonFact[],
  attendance: readonly AttendanceFact[],
): StudentAbsences[] {
  const monthOf = new Map(lessons.map((l) => [l.id, l.date.slice(0, 7)]));
  const absenceBy = new Map(
    students.map((s) => [
      s.id,
      {
        studentId: s.id,
        months: new Map<string, number>(),
        total: 0,
        ill: 0,
        excused: 0,
        unexcused: 0,
        late: 0,
      },
    ]),
  );
  for (const row of attendance) {
    const counts = absenceBy.get(row.student_id);
    if (!counts) continue;
    if (row.kind === 'late') {
      counts.late += 1;
      continue;
    }
    counts.total += 1;
    const month = monthOf.get(row.lesson_id);
    if (month !== undefined) counts.months.set(month, (counts.months.get(month) ?? 0) + 1);
    if (row.reason === 'Б') counts.ill += 1;
    else if (row.reason === 'У') counts.excused += 1;
    else counts.unexcused += 1;
  }
  return [...absenceBy.values()].map(({ months, ...counts }) => ({
    studentId: counts.studentId,
    byMonth: [...months.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, missed]) => ({ month, missed })),
    total: counts.total,
    ill: counts.ill,
    excused: counts.excused,
    unexcused: counts.unexcused,
    late: counts.late,
  }));
}
