import type { Mirror } from '../db/mirror';
import { MoorError } from '../errors';
import type { MarkDeadlines } from '../../shared/journal-rules';
import { isMarkLate } from '../rules/mark-deadlines';
import type { Row, SyncBatch } from './batch';
import type { TableDiff } from './batch-diff';
import type { ChangeKind } from '../../shared/change-kinds';
import type { ChangeEntity } from './changes';
import { frozenLookup, listFrozenPeriods } from './frozen';
import type { HistoryWriter } from './history-writer';

const text = (value: Row[string] | undefined): string | null => (value == null ? null : String(value));

/** The lessons a batch's marks and absences can point to: the stored ones and the batch's own. */
export interface BatchLessons {
  /** The mirror's lessons in the batch's scope before it is applied. */
  readonly stored: ReadonlyMap<string | number, Row>;
  readonly byId: ReadonlyMap<number, Row>;
  readonly inBatch: ReadonlySet<number>;
}

export function batchLessons(stored: ReadonlyMap<string | number, Row>, batch: SyncBatch): BatchLessons {
  const byId = new Map<number, Row>();
  for (const lesson of stored.values()) byId.set(lesson.id as number, lesson);
  for (const lesson of batch.lessons) byId.set(lesson.id as number, lesson);
  return { stored, byId, inBatch: new Set(batch.lessons.map((l) => l.id as number)) };
}

/** Which class periods are certified (frozen), as they stood before the batch. */
export interface CertifiedPeriods {
  lessonOn(classId: number, date: string): boolean;
  finalOf(classId: unknown, periodId: unknown): boolean;
}

export function certifiedPeriods(mirror: Mirror): CertifiedPeriods {
  const periods = listFrozenPeriods(mirror);
  const frozenAt = frozenLookup(periods);
  const finals = new Set(periods.map((p) => `${p.classId}:${p.periodId}`));
  return {
    lessonOn: (classId, date) => frozenAt(classId, date) !== undefined,
    finalOf: (classId, periodId) => finals.has(`${String(classId)}:${String(periodId)}`),
  };
}

/**
 * Notes what a batch changes in the journal, as the change history shows it: removed lessons,
 * corrected, late and back-dated marks, changed absences and finals, and any change to a class
 * period already certified (frozen).
 */
export class BatchNotes {
  constructor(
    private readonly history: HistoryWriter,
    private readonly certified: CertifiedPeriods,
    private readonly lessons: BatchLessons,
    private readonly deadlines: MarkDeadlines,
    private readonly seenAt: Date,
  ) {}

  lessonChanges(d: TableDiff): void {
    for (const row of d.updates) this.ifFrozen('lesson', row, row, 'changed');
    for (const row of d.inserts) this.ifFrozen('lesson', row, row, 'added');
    for (const row of d.removals) {
      this.note('lesson_removed', 'lesson', row, row, text(row.topic), null);
      this.ifFrozen('lesson', row, row, 'removed');
    }
  }

  /** `judgeFirstSight`: the source tells when a mark was entered and what it was before, so judge new marks by it. */
  markChanges(d: TableDiff, judgeFirstSight: boolean): void {
    for (const row of d.inserts) {
      const lesson = this.lessonOf(row, 'mark');
      const date = String(lesson.date);
      const type = String(row.mark_type);
      if (judgeFirstSight) {
        if (row.previous_value != null && row.previous_value !== row.value) {
          this.note('mark_changed', 'mark', row, lesson, text(row.previous_value), text(row.value), {
            reportedBySource: true,
            changedAt: row.changed_at,
          });
        }
        if (isMarkLate(this.deadlines, date, type, String(row.entered_at))) {
          this.note('mark_late', 'mark', row, lesson, null, text(row.value), { enteredAt: row.entered_at });
        }
      }
      if (
        this.lessons.stored.has(row.lesson_id as number) &&
        isMarkLate(this.deadlines, date, type, this.seenAt)
      ) {
        this.note('mark_backdated', 'mark', row, lesson, null, text(row.value), {
          enteredAt: row.entered_at,
        });
      }
      this.ifFrozen('mark', row, lesson, 'added');
    }
    for (const row of d.updates) {
      const lesson = this.lessonOf(row, 'mark');
      const before = d.previous.get(row);
      if (before !== undefined && before.value !== row.value) {
        this.note('mark_changed', 'mark', row, lesson, text(before.value), text(row.value));
      }
      this.ifFrozen('mark', row, lesson, 'changed');
    }
    for (const row of d.removals) {
      const lesson = this.lessons.byId.get(row.lesson_id as number);
      this.note('mark_removed', 'mark', row, lesson, text(row.value), null);
      this.ifFrozen('mark', row, lesson, 'removed');
    }
  }

  attendanceChanges(d: TableDiff): void {
    const absence = (r: Row) => (r.kind === 'late' ? `late ${String(r.late_minutes)}` : String(r.reason));
    for (const row of d.inserts) this.ifFrozen('attendance', row, this.lessonOf(row, 'attendance'), 'added');
    for (const row of d.updates) {
      const lesson = this.lessonOf(row, 'attendance');
      const before = d.previous.get(row);
      if (before !== undefined && absence(before) !== absence(row)) {
        this.note('attendance_changed', 'attendance', row, lesson, absence(before), absence(row));
      }
      this.ifFrozen('attendance', row, lesson, 'changed');
    }
    for (const row of d.removals) {
      const lesson = this.lessons.byId.get(row.lesson_id as number);
      this.note('attendance_removed', 'attendance', row, lesson, absence(row), null);
      this.ifFrozen('attendance', row, lesson, 'removed');
    }
  }

  finalChanges(d: TableDiff): void {
    for (const row of d.inserts) this.ifFrozen('period_final', row, undefined, 'added');
    for (const row of d.updates) {
      const before = d.previous.get(row);
      if (before !== undefined && before.value !== row.value) {
        this.note('final_changed', 'period_final', row, undefined, text(before.value), text(row.value));
      }
      this.ifFrozen('period_final', row, undefined, 'changed');
    }
    for (const row of d.removals) {
      this.note('final_removed', 'period_final', row, undefined, text(row.value), null);
      this.ifFrozen('period_final', row, undefined, 'removed');
    }
  }

  private note(
    kind: ChangeKind,
    entity: ChangeEntity,
    row: Row,
    lesson: Row | undefined,
    before: string | null,
    after: string | null,
    details?: Record<string, unknown>,
  ): void {
    this.history.add({
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
  }

  private ifFrozen(entity: ChangeEntity, row: Row, lesson: Row | undefined, change: string): void {
    const frozen = lesson
      ? this.certified.lessonOn(lesson.class_id as number, String(lesson.date))
      : this.certified.finalOf(row.class_id, row.period_id);
    if (frozen) this.note('frozen_data_changed', entity, row, lesson, null, null, { change });
  }

  /** A mark or absence must come with its lesson in the same batch. */
  private lessonOf(row: Row, table: string): Row {
    const lesson = this.lessons.byId.get(row.lesson_id as number);
    if (lesson === undefined || !this.lessons.inBatch.has(row.lesson_id as number)) {
      throw new MoorError(
        'SYNC_ORPHAN',
        `A ${table} entry (id ${String(row.id)}) points to lesson ${String(row.lesson_id)}, which this sync does not carry.`,
      );
    }
    return lesson;
  }
}
