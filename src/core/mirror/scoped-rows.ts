import type { Mirror } from '../db/mirror';
import type { FinalScope, LessonScope, Row, SyncBatch } from './batch';
import { columnNames } from './bundle/columns';
import { keyedRows, loadTable } from './table-io';

type FactTable = 'lesson' | 'mark' | 'attendance';

const lessonFilter =
  'l.class_id = ? AND l.date BETWEEN ? AND ? AND (? IS NULL OR l.subject_id = ?) AND (? = 0 OR l.subgroup_id IS ?)';

function lessonParams(scope: LessonScope): unknown[] {
  const subject = scope.subjectId ?? null;
  const subgroupGiven = scope.subgroupId === undefined ? 0 : 1;
  return [scope.classId, scope.from, scope.to, subject, subject, subgroupGiven, scope.subgroupId ?? null];
}

/** The mirror's lessons, marks or attendance inside a batch's scope, keyed by id. */
export function loadScopedFacts(
  mirror: Mirror,
  table: FactTable,
  scope: SyncBatch['scope'],
): Map<string | number, Row> {
  if (scope === 'everything') return loadTable(mirror, table);
  const columns = columnNames(table)
    .map((c) => `t."${c}"`)
    .join(', ');
  const sql =
    table === 'lesson'
      ? `SELECT ${columns} FROM lesson t JOIN lesson l ON l.id = t.id WHERE ${lessonFilter}`
      : `SELECT ${columns} FROM "${table}" t JOIN lesson l ON l.id = t.lesson_id WHERE ${lessonFilter}`;
  const statement = mirror.sqlite.prepare(sql);
  const rows = new Map<string | number, Row>();
  for (const lessonScope of scope.lessons) {
    for (const [key, row] of keyedRows(table, statement, ...lessonParams(lessonScope))) rows.set(key, row);
  }
  return rows;
}

/** The mirror's period finals inside a batch's scope, keyed by id. */
export function loadScopedFinals(mirror: Mirror, scope: SyncBatch['scope']): Map<string | number, Row> {
  if (scope === 'everything') return loadTable(mirror, 'period_final');
  const columns = columnNames('period_final')
    .map((c) => `"${c}"`)
    .join(', ');
  const statement = mirror.sqlite.prepare(
    `SELECT ${columns} FROM period_final WHERE class_id = ? AND period_id = ? AND (? IS NULL OR subject_id = ?)`,
  );
  const rows = new Map<string | number, Row>();
  for (const s of scope.finals) {
    const subject = s.subjectId ?? null;
    const students = s.studentIds === undefined ? undefined : new Set(s.studentIds);
    for (const [key, row] of keyedRows('period_final', statement, s.classId, s.periodId, subject, subject)) {
      if (students === undefined || students.has(row.student_id as number)) rows.set(key, row);
    }
  }
  return rows;
}

export function lessonInScope(scopes: readonly LessonScope[], lesson: Row): boolean {
  return scopes.some(
    (s) =>
      s.classId === lesson.class_id &&
      s.from <= String(lesson.date) &&
      String(lesson.date) <= s.to &&
      (s.subjectId === undefined || s.subjectId === lesson.subject_id) &&
      (s.subgroupId === undefined || s.subgroupId === lesson.subgroup_id),
  );
}

export function finalInScope(scopes: readonly FinalScope[], final: Row): boolean {
  return scopes.some(
    (s) =>
      s.classId === final.class_id &&
      s.periodId === final.period_id &&
      (s.subjectId === undefined || s.subjectId === final.subject_id) &&
      (s.studentIds === undefined || s.studentIds.includes(final.student_id as number)),
  );
}
