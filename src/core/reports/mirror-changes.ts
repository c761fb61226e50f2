import { sql } from 'kysely';
import type { ChangeKind } from '../../shared/change-kinds';
import { column, commonColumn, totalLabel } from './columns';
import type { ReportContext } from './context';
import { classOrder } from './directory';
import { countWhere } from './lesson-scope';
import { type ReportTable } from './report-types';
import { loadJournals } from './roster';
import { reportWords } from './report-words';

const w = reportWords.mirrorChanges;

export type SeenChangesRow = {
  class: string;
  subject: string;
  marks_changed: number;
  marks_removed: number;
  marks_backdated: number;
  certified_changed: number;
};

const kindIs = (kind: ChangeKind) => sql<number>`mirror_change.kind = ${kind}`;

/**
 * What the mirror itself saw change between syncs (its change history), per class and subject,
 * for entries dated in the scope: corrected and removed marks, marks that appeared after their
 * deadline on a lesson it already had, and any change to a class period already certified on paper.
 */
export function seenChangesTable(context: ReportContext): ReportTable<SeenChangesRow> {
  const { mirror, scope, directory } = context;
  let query = mirror.db
    .selectFrom('mirror_change')
    .where('mirror_change.lesson_date', '>=', scope.from)
    .where('mirror_change.lesson_date', '<=', scope.to)
    .where('mirror_change.class_id', 'is not', null)
    .where('mirror_change.subject_id', 'is not', null)
    .select([
      'mirror_change.class_id',
      'mirror_change.subject_id',
      countWhere(kindIs('mark_changed')).as('marks_changed'),
      countWhere(kindIs('mark_removed')).as('marks_removed'),
      countWhere(kindIs('mark_backdated')).as('marks_backdated'),
      countWhere(kindIs('frozen_data_changed')).as('certified_changed'),
    ])
    .groupBy(['mirror_change.class_id', 'mirror_change.subject_id']);
  if (scope.classId !== null) query = query.where('mirror_change.class_id', '=', scope.classId);
  if (scope.subjectId !== null) query = query.where('mirror_change.subject_id', '=', scope.subjectId);
  const kept =
    scope.teacherId === null
      ? null
      : new Set(loadJournals(mirror, scope).map((j) => `${j.classId}:${j.subjectId}`));
  const byClass = classOrder(directory);
  const counted = mirror
    .all(query)
    .filter((row) => row.class_id !== null && row.subject_id !== null && directory.classes.has(row.class_id))
    .filter((row) => kept === null || kept.has(`${String(row.class_id)}:${String(row.subject_id)}`))
    .filter((row) => row.marks_changed + row.marks_removed + row.marks_backdated + row.certified_changed > 0)
    .map((row) => ({ classId: row.class_id ?? 0, subjectId: row.subject_id ?? 0, ...row }))
    .sort(
      (a, b) =>
        byClass(a.classId, b.classId) ||
        directory.subjectName(a.subjectId).localeCompare(directory.subjectName(b.subjectId)),
    );
  const rows: SeenChangesRow[] = counted.map((row) => ({
    class: directory.className(row.classId),
    subject: directory.subjectName(row.subjectId),
    marks_changed: row.marks_changed,
    marks_removed: row.marks_removed,
    marks_backdated: row.marks_backdated,
    certified_changed: row.certified_changed,
  }));
  const sum = (key: keyof Omit<SeenChangesRow, 'class' | 'subject'>) => rows.reduce((s, r) => s + r[key], 0);
  return {
    id: 'seenChanges',
    title: w.title,
    columns: [
      commonColumn('class', 'class'),
      commonColumn('subject', 'subject'),
      column('marks_changed', 'integer', w.marksChanged),
      column('marks_removed', 'integer', w.marksRemoved),
      column('marks_backdated', 'integer', w.marksBackdated),
      column('certified_changed', 'integer', w.certifiedChanged),
    ],
    rows,
    totals: {
      class: totalLabel(directory.language),
      subject: '',
      marks_changed: sum('marks_changed'),
      marks_removed: sum('marks_removed'),
      marks_backdated: sum('marks_backdated'),
      certified_changed: sum('certified_changed'),
    },
  };
}
