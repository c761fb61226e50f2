import type { Mirror } from '../db/mirror';
import type { ChangeEntity, ChangeKind } from './changes';

export interface ChangeRecord {
  kind: ChangeKind;
  entity: ChangeEntity;
  entityId: number;
  classId: number | null;
  subjectId: number | null;
  studentId: number | null;
  periodId: number | null;
  lessonDate: string | null;
  before: string | null;
  after: string | null;
  details?: Record<string, unknown>;
}

/** Collects the changes one sync run saw and writes them with one prepared statement. */
export class HistoryWriter {
  readonly records: ChangeRecord[] = [];

  add(record: ChangeRecord): void {
    this.records.push(record);
  }

  write(mirror: Mirror, runId: number, seenAt: string): void {
    const insert = mirror.sqlite.prepare(
      `INSERT INTO mirror_change (sync_run_id, seen_at, kind, entity, entity_id, class_id, subject_id,
         student_id, period_id, lesson_date, before_value, after_value, details_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const r of this.records) {
      insert.run(
        runId,
        seenAt,
        r.kind,
        r.entity,
        r.entityId,
        r.classId,
        r.subjectId,
        r.studentId,
        r.periodId,
        r.lessonDate,
        r.before,
        r.after,
        r.details === undefined ? null : JSON.stringify(r.details),
      );
    }
  }
}
