import { referenceTables } from '../db/journal-tables';
import type { Mirror } from '../db/mirror';
import { MoorError } from '../errors';
import { isMarkLate, schoolMarkDeadlines } from '../rules/mark-deadlines';
import type { Row, SyncBatch } from './batch';
import { rowKey } from './bundle/columns';
import type { ChangeEntity } from './changes';
import type { ChangeKind } from '../../shared/change-kinds';
import { frozenLookup, listFrozenPeriods } from './frozen';
import type { HistoryWriter } from './history-writer';
import { finalInScope, lessonScopeTest, loadScopedFacts, loadScopedFinals } from './scoped-rows';
import { loadTable, sameRow, tableIo, type TableIo } from './table-io';

export interface ApplyCounts {
  added: number;
  changed: number;
  removed: number;
}

interface Diff {
  inserts: Row[];
  updates: Row[];
  removals: Row[];
}

function diff(
  io: TableIo,
  old: Map<string | number, Row>,
  incoming: readonly Row[],
  key: (r: Row) => string | number,
) {
  const result: Diff & { previous: Map<Row, Row> } = {
    inserts: [],
    updates: [],
    removals: [],
    previous: new Map(),
  };
  const seen = new Set<string | number>();
  for (const row of incoming) {
    const k = key(row);
    seen.add(k);
    const before = old.get(k);
    if (before === undefined) result.inserts.push(row);
    else if (!sameRow(io.columns, before, row)) {
      result.updates.push(row);
      result.previous.set(row, before);
    }
  }
  for (const [k, row] of old) if (!seen.has(k)) result.removals.push(row);
  return result;
}

const text = (value: Row[string] | undefined): string | null => (value == null ? null : String(value));

/**
 * Writes one batch into the mirror and notes every change it sees. Runs inside the sync's
 * transaction; any error leaves the mirror as it was.
 */
export function applyBatch(
  mirror: Mirror,
  batch: SyncBatch,
  seenAt: Date,
  history: HistoryWriter,
): ApplyCounts {
  const counts: ApplyCounts = { added: 0, changed: 0, removed: 0 };
  const everything = batch.scope === 'everything';
  const frozenPeriods = listFrozenPeriods(mirror);
  const frozenAt = frozenLookup(frozenPeriods);
  const frozenFinals = new Set(frozenPeriods.map((p) => `${p.classId}:${p.periodId}`));

  for (const { table, rows } of batch.bulk ?? []) {
    if (mirror.sqlite.prepare(`SELECT 1 FROM "${table}" LIMIT 1`).get() !== undefined) {
      throw new MoorError(
        'SYNC_BULK_NOT_EMPTY',
        `Rows for ${table} can be written as they are only into an empty table.`,
      );
    }
    const io = tableIo(mirror, table);
    for (const values of rows) io.insertValues(values);
    counts.added += rows.length;
  }

  const referenceRemovals: [TableIo, Row[]][] = [];
  for (const table of referenceTables) {
    const rows = batch.reference[table];
    if (rows === undefined && !everything) continue;
    const io = tableIo(mirror, table);
    const d = diff(io, loadTable(mirror, table), rows ?? [], (r) => rowKey(table, r));
    for (const row of d.inserts) io.insert(row);
    for (const row of d.updates) io.update(row);
    counts.added += d.inserts.length;
    counts.changed += d.updates.length;
    if (everything) referenceRemovals.push([io, d.removals]);
  }

  const scopes = batch.scope === 'everything' ? undefined : batch.scope;
  const scoped = loadScopedFacts(mirror, batch.scope);
  const oldLessons = scoped.lessons;
  const lessonIo = tableIo(mirror, 'lesson');
  const lessons = diff(lessonIo, oldLessons, batch.lessons, (r) => r.id as number);
  if (scopes) {
    const inScope = lessonScopeTest(scopes.lessons);
    for (const lesson of batch.lessons) {
      if (!inScope(lesson)) {
        throw new MoorError(
          'SYNC_OUT_OF_SCOPE',
          `Lesson ${String(lesson.id)} lies outside what this sync covers.`,
        );
      }
    }
  }
  const lessonById = new Map<number, Row>();
  for (const lesson of oldLessons.values()) lessonById.set(lesson.id as number, lesson);
  for (const lesson of batch.lessons) lessonById.set(lesson.id as number, lesson);
  const batchLessonIds = new Set(batch.lessons.map((l) => l.id as number));

  const note = (
    kind: ChangeKind,
    entity: ChangeEntity,
    row: Row,
    lesson: Row | undefined,
    before: string | null,
    after: string | null,
    details?: Record<string, unknown>,
  ) => {
    history.add({
      kind,
      entity,
      entityId: row.id as number,
      classId: (lesson?.class_id ?? row.class_id ?? null) as number | null,
      subjectId: (lesson?.subject_id ?? row.subject_id ?? null) as number | null,
      studentId: (row.student_id ?? null) as number | null,
      periodId: (row.period_id ?? null) as number | null,
      lessonDate: lesson ? text(lesson.date) : null,
      before,
      after,
      ...(details === undefined ? {} : { details }),
    });
  };
  const noteIfFrozen = (entity: ChangeEntity, row: Row, lesson: Row | undefined, change: string) => {
    const frozen = lesson
      ? frozenAt(lesson.class_id as number, String(lesson.date)) !== undefined
      : frozenFinals.has(`${String(row.class_id)}:${String(row.period_id)}`);
    if (frozen) note('frozen_data_changed', entity, row, lesson, null, null, { change });
  };
  const lessonOf = (row: Row, table: string): Row => {
    const lesson = lessonById.get(row.lesson_id as number);
    if (lesson === undefined || !batchLessonIds.has(row.lesson_id as number)) {
      throw new MoorError(
        'SYNC_ORPHAN',
        `A ${table} entry (id ${String(row.id)}) points to lesson ${String(row.lesson_id)}, which this sync does not carry.`,
      );
    }
    return lesson;
  };

  for (const row of lessons.updates) noteIfFrozen('lesson', row, row, 'changed');
  for (const row of lessons.inserts) noteIfFrozen('lesson', row, row, 'added');
  for (const row of lessons.removals) {
    note('lesson_removed', 'lesson', row, row, text(row.topic), null);
    noteIfFrozen('lesson', row, row, 'removed');
  }

  const markIo = tableIo(mirror, 'mark');
  const deadlines = schoolMarkDeadlines(mirror);
  const marks = diff(markIo, scoped.marks, batch.marks, (r) => r.id as number);
  for (const row of marks.inserts) {
    const lesson = lessonOf(row, 'mark');
    const date = String(lesson.date);
    const type = String(row.mark_type);
    if (batch.judgeFirstSight) {
      if (row.previous_value != null && row.previous_value !== row.value) {
        note('mark_changed', 'mark', row, lesson, text(row.previous_value), text(row.value), {
          reportedBySource: true,
          changedAt: row.changed_at,
        });
      }
      if (isMarkLate(deadlines, date, type, String(row.entered_at))) {
        note('mark_late', 'mark', row, lesson, null, text(row.value), { enteredAt: row.entered_at });
      }
    }
    if (oldLessons.has(row.lesson_id as number) && isMarkLate(deadlines, date, type, seenAt)) {
      note('mark_backdated', 'mark', row, lesson, null, text(row.value), { enteredAt: row.entered_at });
    }
    noteIfFrozen('mark', row, lesson, 'added');
  }
  for (const row of marks.updates) {
    const lesson = lessonOf(row, 'mark');
    const before = marks.previous.get(row);
    if (before !== undefined && before.value !== row.value) {
      note('mark_changed', 'mark', row, lesson, text(before.value), text(row.value));
    }
    noteIfFrozen('mark', row, lesson, 'changed');
  }
  for (const row of marks.removals) {
    const lesson = lessonById.get(row.lesson_id as number);
    note('mark_removed', 'mark', row, lesson, text(row.value), null);
    noteIfFrozen('mark', row, lesson, 'removed');
  }

  const attendanceIo = tableIo(mirror, 'attendance');
  const attendance = diff(attendanceIo, scoped.attendance, batch.attendance, (r) => r.id as number);
  const absence = (r: Row) => (r.kind === 'late' ? `late ${String(r.late_minutes)}` : String(r.reason));
  for (const row of attendance.inserts) noteIfFrozen('attendance', row, lessonOf(row, 'attendance'), 'added');
  for (const row of attendance.updates) {
    const lesson = lessonOf(row, 'attendance');
    const before = attendance.previous.get(row);
    if (before !== undefined && absence(before) !== absence(row)) {
      note('attendance_changed', 'attendance', row, lesson, absence(before), absence(row));
    }
    noteIfFrozen('attendance', row, lesson, 'changed');
  }
  for (const row of attendance.removals) {
    const lesson = lessonById.get(row.lesson_id as number);
    note('attendance_removed', 'attendance', row, lesson, absence(row), null);
    noteIfFrozen('attendance', row, lesson, 'removed');
  }

  const finalIo = tableIo(mirror, 'period_final');
  if (scopes) {
    for (const row of batch.finals) {
      if (!finalInScope(scopes.finals, row)) {
        throw new MoorError(
          'SYNC_OUT_OF_SCOPE',
          `Final ${String(row.id)} lies outside what this sync covers.`,
        );
      }
    }
  }
  const finals = diff(finalIo, loadScopedFinals(mirror, batch.scope), batch.finals, (r) => r.id as number);
  for (const row of finals.inserts) noteIfFrozen('period_final', row, undefined, 'added');
  for (const row of finals.updates) {
    const before = finals.previous.get(row);
    if (before !== undefined && before.value !== row.value) {
      note('final_changed', 'period_final', row, undefined, text(before.value), text(row.value));
    }
    noteIfFrozen('period_final', row, undefined, 'changed');
  }
  for (const row of finals.removals) {
    note('final_removed', 'period_final', row, undefined, text(row.value), null);
    noteIfFrozen('period_final', row, undefined, 'removed');
  }

  // Removals before inserts: a re-entered absence or final reuses the unique (lesson, student)
  // or (student, subject, period) of the one it replaces.
  for (const row of marks.removals) markIo.remove(row);
  for (const row of attendance.removals) attendanceIo.remove(row);
  for (const row of lessons.removals) lessonIo.remove(row);
  for (const row of finals.removals) finalIo.remove(row);
  for (const row of lessons.inserts) lessonIo.insert(row);
  for (const row of lessons.updates) lessonIo.update(row);
  for (const row of marks.inserts) markIo.insert(row);
  for (const row of marks.updates) markIo.update(row);
  for (const row of attendance.inserts) attendanceIo.insert(row);
  for (const row of attendance.updates) attendanceIo.update(row);
  for (const row of finals.inserts) finalIo.insert(row);
  for (const row of finals.updates) finalIo.update(row);
  for (const [io, rows] of referenceRemovals.reverse()) for (const row of rows) io.remove(row);

  for (const d of [lessons, marks, attendance, finals]) {
    counts.added += d.inserts.length;
    counts.changed += d.updates.length;
    counts.removed += d.removals.length;
  }
  counts.removed += referenceRemovals.reduce((sum, [, rows]) => sum + rows.length, 0);
  return counts;
}
