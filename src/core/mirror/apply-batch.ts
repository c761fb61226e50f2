import { referenceTables } from '../db/journal-tables';
import type { Mirror } from '../db/mirror';
import { MoorError } from '../errors';
import { schoolMarkDeadlines } from '../rules/mark-deadlines';
import type { Row, SyncBatch } from './batch';
import { byId, diffRows, type TableDiff } from './batch-diff';
import { batchLessons, BatchNotes, certifiedPeriods } from './batch-notes';
import { rowKey } from './bundle/columns';
import type { HistoryWriter } from './history-writer';
import { keepUnreported } from './keep-unreported';
import { finalInScope, lessonScopeTest, loadScopedFacts, loadScopedFinals } from './scoped-rows';
import { loadTable, tableIo, type TableIo } from './table-io';

export interface ApplyCounts {
  added: number;
  changed: number;
  removed: number;
}

/** Rows a batch removes, held back until everything that may still point to them is gone. */
type Removals = [TableIo, Row[]][];

/** Rows given as they are (a first sync from a bundle), written straight into empty tables. */
function writeBulk(mirror: Mirror, batch: SyncBatch): number {
  let added = 0;
  for (const { table, rows } of batch.bulk ?? []) {
    if (mirror.sqlite.prepare(`SELECT 1 FROM "${table}" LIMIT 1`).get() !== undefined) {
      throw new MoorError(
        'SYNC_BULK_NOT_EMPTY',
        `Rows for ${table} can be written as they are only into an empty table.`,
      );
    }
    const io = tableIo(mirror, table);
    for (const values of rows) io.insertValues(values);
    added += rows.length;
  }
  return added;
}

/**
 * The school, its year, classes, staff and the other reference tables: added and changed at once,
 * since the journal's rows point to them; removed (by a batch of everything) only at the end.
 */
function applyReference(mirror: Mirror, batch: SyncBatch): ApplyCounts & { removals: Removals } {
  const everything = batch.scope === 'everything';
  const result = { added: 0, changed: 0, removed: 0, removals: [] as Removals };
  for (const table of referenceTables) {
    const rows = batch.reference[table];
    if (rows === undefined && !everything) continue;
    const io = tableIo(mirror, table);
    const d = diffRows(io, loadTable(mirror, table), rows ?? [], (r) => rowKey(table, r));
    for (const row of d.inserts) io.insert(row);
    for (const row of d.updates) io.update(row);
    result.added += d.inserts.length;
    result.changed += d.changed;
    if (everything) {
      result.removals.push([io, d.removals]);
      result.removed += d.removals.length;
    }
  }
  return result;
}

/** A batch that covers some lessons or finals only must carry nothing outside them. */
function refuseOutOfScope(
  kind: 'Lesson' | 'Final',
  rows: readonly Row[],
  inScope: (row: Row) => boolean,
): void {
  for (const row of rows) {
    if (!inScope(row)) {
      throw new MoorError(
        'SYNC_OUT_OF_SCOPE',
        `${kind} ${String(row.id)} lies outside what this sync covers.`,
      );
    }
  }
}

interface JournalWrite {
  readonly io: TableIo;
  readonly diff: TableDiff;
}

/**
 * Removals before inserts: a re-entered absence or final reuses the unique (lesson, student)
 * or (student, subject, period) of the one it replaces. Marks and absences go before the
 * lessons they belong to; reference rows last of all.
 */
function writeJournal(
  w: { lessons: JournalWrite; marks: JournalWrite; attendance: JournalWrite; finals: JournalWrite },
  referenceRemovals: Removals,
): void {
  for (const { io, diff } of [w.marks, w.attendance, w.lessons, w.finals])
    for (const row of diff.removals) io.remove(row);
  for (const { io, diff } of [w.lessons, w.marks, w.attendance, w.finals]) {
    for (const row of diff.inserts) io.insert(row);
    for (const row of diff.updates) io.update(row);
  }
  for (const [io, rows] of [...referenceRemovals].reverse()) for (const row of rows) io.remove(row);
}

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
  const certified = certifiedPeriods(mirror);
  const bulkAdded = writeBulk(mirror, batch);
  const reference = applyReference(mirror, batch);

  const scopes = batch.scope === 'everything' ? undefined : batch.scope;
  const scoped = loadScopedFacts(mirror, batch.scope, batch.movedLessonIds);
  if (batch.reported !== undefined) keepUnreported(scoped, batch);
  const lessonsSeen = batchLessons(scoped.lessons, batch);
  const notes = new BatchNotes(history, certified, lessonsSeen, schoolMarkDeadlines(mirror), seenAt);

  const lessonIo = tableIo(mirror, 'lesson');
  const lessons = { io: lessonIo, diff: diffRows(lessonIo, scoped.lessons, batch.lessons, byId) };
  if (scopes) refuseOutOfScope('Lesson', batch.lessons, lessonScopeTest(scopes.lessons));
  notes.lessonChanges(lessons.diff);

  const markIo = tableIo(mirror, 'mark');
  const marks = { io: markIo, diff: diffRows(markIo, scoped.marks, batch.marks, byId) };
  notes.markChanges(marks.diff, batch.judgeFirstSight);

  const attendanceIo = tableIo(mirror, 'attendance');
  const attendance = {
    io: attendanceIo,
    diff: diffRows(attendanceIo, scoped.attendance, batch.attendance, byId),
  };
  notes.attendanceChanges(attendance.diff);

  const finalIo = tableIo(mirror, 'period_final');
  if (scopes) refuseOutOfScope('Final', batch.finals, (row) => finalInScope(scopes.finals, row));
  const finals = {
    io: finalIo,
    diff: diffRows(finalIo, loadScopedFinals(mirror, batch.scope), batch.finals, byId),
  };
  notes.finalChanges(finals.diff);

  writeJournal({ lessons, marks, attendance, finals }, reference.removals);

  const journal = [lessons, marks, attendance, finals].map((w) => w.diff);
  return {
    added: bulkAdded + reference.added + journal.reduce((sum, d) => sum + d.inserts.length, 0),
    changed: reference.changed + journal.reduce((sum, d) => sum + d.changed, 0),
    removed: reference.removed + journal.reduce((sum, d) => sum + d.removals.length, 0),
  };
}
