import type { CheckContext } from './check-context';
import { studentSubjectKey } from './check-context';
import { classesGivingFinals } from './check-scope';
import { finding, type Finding } from './finding';

/** A student enrolled at the period's end has no final in a subject of a class that gives finals. */
export function missingFinals(context: CheckContext): Finding[] {
  const giving = classesGivingFinals(context.mirror, context.scope, context.rules);
  const finals = context.finals();
  const seen = new Set<string>();
  const found: Finding[] = [];
  for (const row of context.attribution.roster) {
    if (!giving.has(row.classId)) continue;
    const key = studentSubjectKey(row.classId, row.subjectId, row.studentId);
    if (finals.has(key) || seen.has(key)) continue;
    seen.add(key);
    found.push(
      finding('missing_final', { classId: row.classId, subjectId: row.subjectId, studentId: row.studentId }),
    );
  }
  return found;
}
