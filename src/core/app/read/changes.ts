import { sql } from 'kysely';
import type { Mirror } from '../../db/mirror';
import type { ChangeKind } from '../../../shared/change-kinds';
import { SCHOOL_UTC_OFFSET_HOURS } from '../../rules/mark-deadlines';
import type { MirrorChangesView } from '../../../shared/views';

/** The instant (ISO, UTC, as seen_at is kept) at which a school day begins in Kyrgyzstan. */
function schoolDayStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - SCHOOL_UTC_OFFSET_HOURS * 3_600_000).toISOString();
}

export interface ChangesQuery {
  readonly classId: number | null;
  /** Empty: every kind. */
  readonly kinds: readonly ChangeKind[];
  /** Only changes seen on or after this day of the school's calendar (YYYY-MM-DD). */
  readonly since: string | null;
  readonly limit: number;
}

/**
 * The changes the mirror saw between syncs, newest first, with the names a deputy reads: class,
 * subject, student. A change is "certified" when it is itself the note that certified data changed,
 * or when the same sync noted that for the same entry.
 */
export function mirrorChanges(mirror: Mirror, query: ChangesQuery): MirrorChangesView {
  let filtered = mirror.db.selectFrom('mirror_change');
  if (query.classId !== null) filtered = filtered.where('mirror_change.class_id', '=', query.classId);
  if (query.kinds.length > 0) filtered = filtered.where('mirror_change.kind', 'in', query.kinds);
  if (query.since !== null)
    filtered = filtered.where('mirror_change.seen_at', '>=', schoolDayStart(query.since));
  const total = mirror.first(filtered.select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
  const rows = mirror.all(
    filtered
      .leftJoin('class', 'class.id', 'mirror_change.class_id')
      .leftJoin('subject', 'subject.id', 'mirror_change.subject_id')
      .leftJoin('student', 'student.id', 'mirror_change.student_id')
      .select([
        'mirror_change.id',
        'mirror_change.seen_at',
        'mirror_change.kind',
        'mirror_change.entity',
        'mirror_change.lesson_date',
        'mirror_change.before_value',
        'mirror_change.after_value',
        'class.grade',
        'class.letter',
        'subject.name_ky',
        'subject.name_ru',
        'student.last_name',
        'student.first_name',
        sql<number>`mirror_change.kind = 'frozen_data_changed' OR EXISTS (
          SELECT 1 FROM mirror_change AS frozen
          WHERE frozen.kind = 'frozen_data_changed'
            AND frozen.entity = mirror_change.entity
            AND frozen.entity_id = mirror_change.entity_id
            AND frozen.sync_run_id IS mirror_change.sync_run_id)`.as('certified'),
      ])
      .orderBy('mirror_change.seen_at', 'desc')
      .orderBy('mirror_change.id', 'desc')
      .limit(query.limit),
  );
  const classes = mirror
    .all(
      mirror.db
        .selectFrom('class')
        .select(['id', 'grade', 'letter'])
        .where('id', 'in', mirror.db.selectFrom('mirror_change').select('class_id').distinct())
        .orderBy('grade')
        .orderBy('letter'),
    )
    .map((c) => ({ id: c.id, name: `${c.grade}${c.letter}` }));
  return {
    total,
    classes,
    changes: rows.map((r) => ({
      id: r.id,
      seenAt: r.seen_at,
      kind: r.kind,
      entity: r.entity,
      className: r.grade === null || r.letter === null ? null : `${r.grade}${r.letter}`,
      subject: r.name_ky === null || r.name_ru === null ? null : { ky: r.name_ky, ru: r.name_ru },
      studentName: r.last_name === null ? null : `${r.last_name} ${r.first_name ?? ''}`.trim(),
      lessonDate: r.lesson_date,
      before: r.before_value,
      after: r.after_value,
      certified: r.certified === 1,
    })),
  };
}
