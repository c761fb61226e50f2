import type { JournalStudent, StudentAbsences } from './class-journal-types';
import type { AttendanceFact } from './class-journal-facts';

/** Missed lessons per student over all subjects, by reason (Б, У, else Н), and lateness apart. */
export function countAbsences(
  students: readonly JournalStudent[],
  attendance: readonly AttendanceFact[],
): StudentAbsences[] {
  const absenceBy = new Map(
    students.map((s) => [s.id, { studentId: s.id, total: 0, ill: 0, excused: 0, unexcused: 0, late: 0 }]),
  );
  for (const row of attendance) {
    const counts = absenceBy.get(row.student_id);
    if (!counts) continue;
    if (row.kind === 'late') {
      counts.late += 1;
      continue;
    }
    counts.total += 1;
    if (row.reason === 'Б') counts.ill += 1;
    else if (row.reason === 'У') counts.excused += 1;
    else counts.unexcused += 1;
  }
  return [...absenceBy.values()];
}
