import type { CheckContext } from './check-context';
import { studentSubjectKey } from './check-context';
import { finding, type Finding } from './finding';

/** Rounds halves up, as teachers round an average of 3.5 to 4. */
export function roundedAverage(average: number): number {
  return Math.floor(average + 0.5);
}

/** A numeric final further from the rounded average of the period's current marks than the rules allow. */
export function finalsFarFromAverage(context: CheckContext): Finding[] {
  const stats = context.markStats();
  const found: Finding[] = [];
  for (const final of context.finals().values()) {
    if (final.numericValue === null) continue;
    const average = stats.get(studentSubjectKey(final.classId, final.subjectId, final.studentId))?.average;
    if (average === null || average === undefined) continue;
    const rounded = roundedAverage(average);
    if (Math.abs(final.numericValue - rounded) <= context.rules.finalMaxDistance) continue;
    found.push(
      finding('final_far_from_average', {
        classId: final.classId,
        subjectId: final.subjectId,
        studentId: final.studentId,
        value: final.value,
        reference: `${rounded} (${average.toFixed(2)})`,
      }),
    );
  }
  return found;
}
