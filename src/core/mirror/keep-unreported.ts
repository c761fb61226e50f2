import type { Row, SyncBatch } from './batch';
import type { loadScopedFacts } from './scoped-rows';

/**
 * Narrows what a batch may remove to what its source positively reported: a mark or an absence
 * the source did not report on stays, and so does its lesson even when the schedule dropped it.
 */
export function keepUnreported(scoped: ReturnType<typeof loadScopedFacts>, batch: SyncBatch): void {
  const reported = batch.reported;
  if (reported === undefined) return;
  const incoming = new Set(batch.lessons.map((l) => l.id));
  const kept = new Set<unknown>();
  const narrow = (
    facts: Map<string | number, Row>,
    pairs: ReadonlySet<string>,
    incomingIds: Set<unknown>,
  ) => {
    for (const [key, row] of facts) {
      if (incomingIds.has(row.id)) continue;
      if (!pairs.has(`${String(row.lesson_id)}:${String(row.student_id)}`)) {
        facts.delete(key);
        kept.add(row.lesson_id);
      }
    }
  };
  narrow(scoped.marks, reported.marks, new Set(batch.marks.map((m) => m.id)));
  narrow(scoped.attendance, reported.attendance, new Set(batch.attendance.map((a) => a.id)));
  for (const [key, lesson] of scoped.lessons) {
    if (!incoming.has(lesson.id) && kept.has(lesson.id)) {
      scoped.lessons.delete(key);
      batch.warnings.push(
        `Lesson of ${String(lesson.date)} (no. ${String(lesson.lesson_number)}) is no longer sent by the source, ` +
          'but its marks or absences were not reported removed; it was kept with them.',
      );
    }
  }
}
