import type { Mirror } from '../../db/mirror';
import type { FinalScope, Row, SyncBatch } from '../batch';
import type { IdAllocator } from '../id-allocator';
import type { KundolukDirectory } from './directory';
import type { QuarterMark } from './schemas';
import { instantOf } from './values';

/** The service repeats items (kundoluk_api: "оценки часто дублируются"): the latest of each is kept. */
export function dedupeQuarterMarks(items: readonly QuarterMark[]): QuarterMark[] {
  const latest = new Map<string, QuarterMark>();
  for (const item of items) {
    const key = `${item.studentId}:${item.subjectId ?? item.subjectNameRu ?? ''}:${item.quarter}`;
    const seen = latest.get(key);
    if (seen === undefined || (item.quarterDate ?? '') >= (seen.quarterDate ?? '')) latest.set(key, item);
  }
  return [...latest.values()];
}

interface Final {
  studentId: number;
  classId: number;
  subjectId: number;
  periodId: number;
  value: string;
  enteredAt: string;
  ref: string;
  raw: unknown;
}

/** Adds one period final to the batch, keeping the mirror's id and first entry time. */
export function putFinal(mirror: Mirror, batch: SyncBatch, ids: IdAllocator, final: Final): void {
  const before = mirror.sqlite
    .prepare<[number, number, number], Row>(
      'SELECT * FROM period_final WHERE student_id = ? AND subject_id = ? AND period_id = ?',
    )
    .get(final.studentId, final.subjectId, final.periodId);
  const numeric = Number(final.value);
  batch.finals.push({
    id: before?.id ?? ids.next('period_final'),
    student_id: final.studentId,
    class_id: final.classId,
    subject_id: final.subjectId,
    period_id: final.periodId,
    value: final.value,
    numeric_value: Number.isFinite(numeric) ? numeric : null,
    entered_at: before?.entered_at ?? final.enteredAt,
    changed_at:
      before !== undefined && before.value === final.value
        ? (before.changed_at ?? final.enteredAt)
        : final.enteredAt,
    source_ref: final.ref,
    raw: JSON.stringify(final.raw),
  });
}

/**
 * Maps `qmarks/all`'s quarter (1–4) and year (5) marks onto the mirror's period finals. They name
 * the subject only by its titles and the student by Kundoluk's id, so a student seen in no
 * gradebook answer yet is left out with a warning.
 */
export function mapQuarterMarks(
  mirror: Mirror,
  items: readonly QuarterMark[],
  directory: KundolukDirectory,
  ids: IdAllocator,
  batch: SyncBatch,
  seenAt: string,
): FinalScope[] {
  const scopes = new Map<string, { scope: FinalScope; students: Set<number> }>();
  const findClass = mirror.sqlite.prepare<[string], { id: number; academic_year_id: number }>(
    'SELECT id, academic_year_id FROM class WHERE kundoluk_id = ?',
  );
  const findPeriod = mirror.sqlite.prepare<[number, string, number], { id: number }>(
    'SELECT id FROM reporting_period WHERE academic_year_id = ? AND kind = ? AND number = ?',
  );
  const newClasses = new Map((batch.reference.class ?? []).map((c) => [String(c.kundoluk_id), c]));
  for (const item of dedupeQuarterMarks(items)) {
    const value =
      item.quarterMark !== null && item.quarterMark > 0 ? String(item.quarterMark) : item.customMark;
    const schoolClass =
      item.gradeId === null ? undefined : (findClass.get(item.gradeId) ?? newClasses.get(item.gradeId));
    const studentId = directory.studentByKundolukId(item.studentId);
    const subjectId = directory.subjectByName(item.subjectNameKg, item.subjectNameRu);
    if (schoolClass === undefined || studentId === undefined || subjectId === undefined) {
      batch.warnings.push(
        `A quarter mark (class ${item.gradeId ?? '?'}, student ${item.studentId}, ${item.subjectNameRu ?? item.subjectId ?? '?'}) names a class, ` +
          'student or subject the mirror does not know yet; sync the gradebook of that period first. It was left out.',
      );
      continue;
    }
    const classId = Number(schoolClass.id);
    const period = findPeriod.get(
      Number(schoolClass.academic_year_id),
      item.quarter === 5 ? 'year' : 'quarter',
      item.quarter === 5 ? 1 : item.quarter,
    );
    if (period === undefined) {
      batch.warnings.push(
        `Quarter ${item.quarter} is not in the mirror's calendar; its marks were left out.`,
      );
      continue;
    }
    if (value === null) continue;
    const key = `${classId}:${period.id}:${subjectId}`;
    const entry = scopes.get(key) ?? {
      scope: { classId, periodId: period.id, subjectId },
      students: new Set<number>(),
    };
    entry.students.add(studentId);
    scopes.set(key, entry);
    putFinal(mirror, batch, ids, {
      studentId,
      classId,
      subjectId,
      periodId: period.id,
      value,
      enteredAt: item.quarterDate === null ? seenAt : instantOf(item.quarterDate),
      ref: `kundoluk:final:${item.objectId ?? key}:${item.studentId}`,
      raw: item,
    });
  }
  return [...scopes.values()].map(({ scope, students }) => ({ ...scope, studentIds: [...students] }));
}
