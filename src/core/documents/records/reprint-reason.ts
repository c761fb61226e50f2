import type { Mirror } from '../../db/mirror';
import { listChanges, type ChangeEntity } from '../../mirror/changes';

/** How many entries of one subject changed, by what they are. */
export interface SubjectChanges {
  /** Null for changes the mirror could not tie to a subject. */
  readonly subjectId: number | null;
  readonly nameKy: string;
  readonly nameRu: string;
  readonly marks: number;
  readonly finals: number;
  readonly attendance: number;
  readonly lessons: number;
}

/** Why a copy was printed again: the copy it replaces and what changed since that copy. */
export interface ReprintReason {
  readonly replacesId: string;
  /** The journal data is the one of the replaced copy: only the layout is new (a newer Мөөр). */
  readonly sameData: boolean;
  /** The changes the mirror recorded after the replaced copy was printed, per subject. */
  readonly subjects: readonly SubjectChanges[];
}

const columnOf: Record<ChangeEntity, 'marks' | 'finals' | 'attendance' | 'lessons'> = {
  mark: 'marks',
  period_final: 'finals',
  attendance: 'attendance',
  lesson: 'lessons',
};

/**
 * The entries of a class's period that the mirror saw change since `since`, counted once each
 * (a corrected mark that was also certified data is one changed mark), per subject in name order.
 */
export function changesSince(
  mirror: Mirror,
  classId: number,
  periodId: number,
  since: string,
): SubjectChanges[] {
  const changes = listChanges(mirror, { classId, periodId, since });
  const seen = new Set<string>();
  const counts = new Map<
    number | null,
    { marks: number; finals: number; attendance: number; lessons: number }
  >();
  for (const change of changes) {
    const key = `${change.entity}:${change.entityId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let row = counts.get(change.subjectId);
    if (!row) {
      row = { marks: 0, finals: 0, attendance: 0, lessons: 0 };
      counts.set(change.subjectId, row);
    }
    row[columnOf[change.entity]] += 1;
  }
  const ids = [...counts.keys()].filter((id): id is number => id !== null);
  const names = new Map(
    ids.length === 0
      ? []
      : mirror
          .all(mirror.db.selectFrom('subject').select(['id', 'name_ky', 'name_ru']).where('id', 'in', ids))
          .map((s) => [s.id, s]),
  );
  return [...counts.entries()]
    .map(([subjectId, row]): SubjectChanges => {
      const name = subjectId === null ? undefined : names.get(subjectId);
      return { subjectId, nameKy: name?.name_ky ?? '', nameRu: name?.name_ru ?? '', ...row };
    })
    .sort((a, b) =>
      a.subjectId === null ? 1 : b.subjectId === null ? -1 : a.nameKy.localeCompare(b.nameKy),
    );
}

/** The last instant the mirror was synced: the printed data is as of then (null: never synced). */
export function lastSyncAt(mirror: Mirror): string | null {
  return (
    mirror.first(mirror.db.selectFrom('sync_run').select((eb) => eb.fn.max('finished_at').as('at')))?.at ??
    null
  );
}

export function parseReprintReason(json: string | null): ReprintReason | null {
  return json === null ? null : (JSON.parse(json) as ReprintReason);
}
