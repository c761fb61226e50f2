import type { Mirror } from '../db/mirror';
import type { ChangeKind } from '../../shared/change-kinds';

export type ChangeEntity = 'mark' | 'period_final' | 'attendance' | 'lesson';

/** What one noticed change is about: the entry, where it sits, and its value before and after. */
export interface ChangeFacts {
  kind: ChangeKind;
  entity: ChangeEntity;
  entityId: number;
  classId: number | null;
  subjectId: number | null;
  studentId: number | null;
  periodId: number | null;
  /** The lesson's date for lesson, mark and attendance changes; null for finals. */
  lessonDate: string | null;
  before: string | null;
  after: string | null;
}

export interface MirrorChange extends ChangeFacts {
  id: number;
  syncRunId: number | null;
  seenAt: string;
  details: Record<string, unknown> | null;
}

export interface ChangeFilter {
  /** Only changes seen at or after this instant or date (ISO). */
  since?: string;
  classId?: number;
  /** Only changes to this period's finals or to entries dated inside it. */
  periodId?: number;
  kinds?: readonly ChangeKind[];
}

/** The changes the mirror saw, oldest first. */
export function listChanges(mirror: Mirror, filter: ChangeFilter = {}): MirrorChange[] {
  let query = mirror.db.selectFrom('mirror_change').selectAll().orderBy('seen_at').orderBy('id');
  if (filter.since !== undefined) query = query.where('seen_at', '>=', filter.since);
  if (filter.classId !== undefined) query = query.where('class_id', '=', filter.classId);
  if (filter.kinds !== undefined) {
    if (filter.kinds.length === 0) return [];
    query = query.where('kind', 'in', filter.kinds);
  }
  if (filter.periodId !== undefined) {
    const period = mirror.first(
      mirror.db
        .selectFrom('reporting_period')
        .select(['starts_on', 'ends_on'])
        .where('id', '=', filter.periodId),
    );
    if (!period) return [];
    const periodId = filter.periodId;
    query = query.where((eb) =>
      eb.or([
        eb('period_id', '=', periodId),
        eb.and([eb('lesson_date', '>=', period.starts_on), eb('lesson_date', '<=', period.ends_on)]),
      ]),
    );
  }
  return mirror.all(query).map((row) => ({
    id: row.id,
    syncRunId: row.sync_run_id,
    seenAt: row.seen_at,
    kind: row.kind as ChangeKind,
    entity: row.entity as ChangeEntity,
    entityId: row.entity_id,
    classId: row.class_id,
    subjectId: row.subject_id,
    studentId: row.student_id,
    periodId: row.period_id,
    lessonDate: row.lesson_date,
    before: row.before_value,
    after: row.after_value,
    details: row.details_json === null ? null : (JSON.parse(row.details_json) as Record<string, unknown>),
  }));
}
