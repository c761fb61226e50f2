import type { Mirror } from '../db/mirror';
import type { FinalScope, LessonScope, Row, SyncBatch } from './batch';
import { columnNames } from './bundle/columns';
import { keyedRows, loadTable } from './table-io';

export interface ScopedFacts {
  lessons: Map<string | number, Row>;
  marks: Map<string | number, Row>;
  attendance: Map<string | number, Row>;
}

/** Whether a lesson lies inside any of the scopes; scopes are indexed by class once. */
export function lessonScopeTest(scopes: readonly LessonScope[]): (lesson: Row) => boolean {
  const byClass = new Map<unknown, LessonScope[]>();
  for (const s of scopes) byClass.set(s.classId, [...(byClass.get(s.classId) ?? []), s]);
  return (lesson) =>
    byClass
      .get(lesson.class_id)
      ?.some(
        (s) =>
          s.from <= String(lesson.date) &&
          String(lesson.date) <= s.to &&
          (s.subjectId === undefined || s.subjectId === lesson.subject_id) &&
          (s.subgroupId === undefined || s.subgroupId === lesson.subgroup_id),
      ) ?? false;
}

function columnList(table: 'lesson' | 'mark' | 'attendance', alias: string): string {
  return columnNames(table)
    .map((c) => `${alias}."${c}"`)
    .join(', ');
}

/**
 * The mirror's lessons, marks and absences inside a batch's scope, keyed by id. One query per
 * date range (not per class or subject), narrowed in memory: a Kundoluk week names hundreds of
 * class-subject scopes.
 */
export function loadScopedFacts(
  mirror: Mirror,
  scope: SyncBatch['scope'],
  movedLessonIds: readonly number[] = [],
): ScopedFacts {
  if (scope === 'everything') {
    return {
      lessons: loadTable(mirror, 'lesson'),
      marks: loadTable(mirror, 'mark'),
      attendance: loadTable(mirror, 'attendance'),
    };
  }
  const facts: ScopedFacts = { lessons: new Map(), marks: new Map(), attendance: new Map() };
  const ranges = new Map<string, LessonScope[]>();
  for (const s of scope.lessons) {
    const key = `${s.from}|${s.to}`;
    ranges.set(key, [...(ranges.get(key) ?? []), s]);
  }
  const filter = 'l.date BETWEEN ? AND ? AND l.class_id IN (SELECT value FROM json_each(?))';
  const lessons = mirror.sqlite.prepare(`SELECT ${columnList('lesson', 'l')} FROM lesson l WHERE ${filter}`);
  const marks = mirror.sqlite.prepare(
    `SELECT ${columnList('mark', 't')} FROM mark t JOIN lesson l ON l.id = t.lesson_id WHERE ${filter}`,
  );
  const attendance = mirror.sqlite.prepare(
    `SELECT ${columnList('attendance', 't')} FROM attendance t JOIN lesson l ON l.id = t.lesson_id WHERE ${filter}`,
  );
  if (movedLessonIds.length > 0) {
    const ids = JSON.stringify(movedLessonIds);
    const byId = 'l.id IN (SELECT value FROM json_each(?))';
    const moved = (table: 'lesson' | 'mark' | 'attendance', sql: string) =>
      keyedRows(table, mirror.sqlite.prepare(sql), ids);
    for (const [key, row] of moved(
      'lesson',
      `SELECT ${columnList('lesson', 'l')} FROM lesson l WHERE ${byId}`,
    ))
      facts.lessons.set(key, row);
    for (const [key, row] of moved(
      'mark',
      `SELECT ${columnList('mark', 't')} FROM mark t JOIN lesson l ON l.id = t.lesson_id WHERE ${byId}`,
    ))
      facts.marks.set(key, row);
    for (const [key, row] of moved(
      'attendance',
      `SELECT ${columnList('attendance', 't')} FROM attendance t JOIN lesson l ON l.id = t.lesson_id WHERE ${byId}`,
    ))
      facts.attendance.set(key, row);
  }
  for (const group of ranges.values()) {
    const first = group[0] as LessonScope;
    const params = [first.from, first.to, JSON.stringify([...new Set(group.map((s) => s.classId))])];
    const inScope = lessonScopeTest(group);
    const ids = new Set<unknown>();
    for (const [key, row] of keyedRows('lesson', lessons, ...params)) {
      if (!inScope(row)) continue;
      facts.lessons.set(key, row);
      ids.add(row.id);
    }
    for (const [key, row] of keyedRows('mark', marks, ...params))
      if (ids.has(row.lesson_id)) facts.marks.set(key, row);
    for (const [key, row] of keyedRows('attendance', attendance, ...params)) {
      if (ids.has(row.lesson_id)) facts.attendance.set(key, row);
    }
  }
  return facts;
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

export function finalInScope(scopes: readonly FinalScope[], final: Row): boolean {
  return scopes.some(
    (s) =>
      s.classId === final.class_id &&
      s.periodId === final.period_id &&
      (s.subjectId === undefined || s.subjectId === final.subject_id) &&
      (s.studentIds === undefined || s.studentIds.includes(final.student_id as number)),
  );
}
