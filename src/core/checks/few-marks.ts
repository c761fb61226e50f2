import type { CheckContext } from './check-context';
import { studentSubjectKey } from './check-context';
import { finding, type Finding } from './finding';

/** A student enrolled at the period's end has no current mark, or only one, in a subject. */
export function fewMarks(context: CheckContext): Finding[] {
  const stats = context.markStats();
  const seen = new Set<string>();
  const found: Finding[] = [];
  for (const row of context.attribution.roster) {
    const key = studentSubjectKey(row.classId, row.subjectId, row.studentId);
    const marks = stats.get(key)?.marks ?? 0;
    if (marks > 1 || seen.has(key)) continue;
    seen.add(key);
    found.push(
      finding('few_marks', {
        classId: row.classId,
        subjectId: row.subjectId,
        studentId: row.studentId,
        value: String(marks),
      }),
    );
  }
  return found;
}
