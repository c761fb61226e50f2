import type { CheckContext } from './check-context';
import { IN_SCOPE } from './check-scope';
import { finding, type Finding } from './finding';

interface CoverageRow {
  classId: number;
  subjectId: number;
  syncedThrough: string | null;
  due: string;
}

/**
 * A class's subject that no source (a Kundoluk account, a class journal workbook, a bundle) has
 * brought as far as the others: to the period's end, or to the latest day any source reached when
 * that comes first (checks run before the period ends). Its copy would print the journal as it
 * stood on the last day synced. The value is that day (null: never synced), the reference the day
 * it should have reached.
 */
export function notSynced(context: CheckContext): Finding[] {
  const [, endsOn, classes] = context.periodParams;
  const rows = context.mirror.sqlite
    .prepare<[string, string, string], CoverageRow>(
      `SELECT ta.class_id AS classId, ta.subject_id AS subjectId,
              (SELECT max(c.synced_through) FROM sync_coverage c
               WHERE c.class_id = ta.class_id AND c.subject_id = ta.subject_id) AS syncedThrough,
              min(?, coalesce((SELECT max(synced_through) FROM sync_coverage), ?)) AS due
       FROM (SELECT DISTINCT class_id, subject_id FROM teaching_assignment WHERE class_id IN ${IN_SCOPE}) ta
       ORDER BY ta.class_id, ta.subject_id`,
    )
    .all(endsOn, endsOn, classes);
  return rows
    .filter((r) => r.syncedThrough === null || r.syncedThrough < r.due)
    .map((r) =>
      finding('not_synced', {
        classId: r.classId,
        subjectId: r.subjectId,
        value: r.syncedThrough,
        reference: r.due,
      }),
    );
}
