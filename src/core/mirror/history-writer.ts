import type { Mirror } from '../db/mirror';
import type { ChangeFacts } from './changes';

/** A change as a sync run notices it, before the run's id and time are known. */
export interface ChangeRecord extends ChangeFacts {
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
