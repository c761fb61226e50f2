import type { Selectable } from 'kysely';
import type { Mirror } from '../db/mirror';
import type { CloseDayTable, CloseOverrideTable } from '../db/schema';
import { MoorError } from '../errors';
import { closeDays, dayTitles, type CloseDay } from './close-days';
import { closeItems, isPending } from './close-item-store';

export type CloseDayRow = Selectable<CloseDayTable>;
export type CloseOverride = Selectable<CloseOverrideTable>;

/** Who completed a day and when; the override that did it, when a deputy did. */
export interface DayCompletion {
  at: string;
  by: string;
  overrideId: number | null;
}

export function insertCloseDays(mirror: Mirror, closeId: number): void {
  for (const day of closeDays) {
    mirror.run(
      mirror.db
        .insertInto('close_day')
        .values({ close_id: closeId, day, completed_at: null, completed_by: null, override_id: null }),
    );
  }
}

/** The close's days, the first first. */
export function closeDayRows(mirror: Mirror, closeId: number): CloseDayRow[] {
  return mirror.all(
    mirror.db.selectFrom('close_day').selectAll().where('close_id', '=', closeId).orderBy('day'),
  );
}

export function closeDayRow(mirror: Mirror, closeId: number, day: CloseDay): CloseDayRow | undefined {
  return mirror.first(
    mirror.db.selectFrom('close_day').selectAll().where('close_id', '=', closeId).where('day', '=', day),
  );
}

/** The close's days with the override that completed each, if one did. */
export function closeDaysWithOverrides(mirror: Mirror, closeId: number) {
  return mirror.all(
    mirror.db
      .selectFrom('close_day')
      .leftJoin('close_override', 'close_override.id', 'close_day.override_id')
      .select([
        'close_day.day',
        'close_day.completed_at',
        'close_override.reason',
        'close_override.actor',
        'close_override.at',
        'close_override.open_items',
      ])
      .where('close_day.close_id', '=', closeId)
      .orderBy('close_day.day'),
  );
}

export function dayCompleted(mirror: Mirror, closeId: number, day: CloseDay): boolean {
  return closeDayRow(mirror, closeId, day)?.completed_at != null;
}

/** Completes the day, or (given null) opens it again. */
export function setDayCompletion(
  mirror: Mirror,
  closeId: number,
  day: CloseDay,
  completion: DayCompletion | null,
): void {
  mirror.run(
    mirror.db
      .updateTable('close_day')
      .set({
        completed_at: completion?.at ?? null,
        completed_by: completion?.by ?? null,
        override_id: completion?.overrideId ?? null,
      })
      .where('close_id', '=', closeId)
      .where('day', '=', day),
  );
}

/** Records a deputy's override of a day; returns its id. */
export function insertOverride(
  mirror: Mirror,
  override: { closeId: number; day: CloseDay; reason: string; openItems: number; at: string; actor: string },
): number {
  return mirror.run(
    mirror.db.insertInto('close_override').values({
      close_id: override.closeId,
      day: override.day,
      reason: override.reason,
      open_items: override.openItems,
      at: override.at,
      actor: override.actor,
    }),
  ).lastInsertRowid;
}

export function closeOverrides(mirror: Mirror, closeId: number): CloseOverride[] {
  return mirror.all(
    mirror.db.selectFrom('close_override').selectAll().where('close_id', '=', closeId).orderBy('id'),
  );
}

/**
 * Refuses to act on a day while an earlier day is not complete: the five days come in order
 * (I 4). Names the earliest unfinished day and how many of its items are still open.
 */
export function assertDayReachable(mirror: Mirror, closeId: number, day: CloseDay): void {
  for (const earlier of closeDays) {
    if (earlier >= day) return;
    if (dayCompleted(mirror, closeId, earlier)) continue;
    const open = closeItems(mirror, closeId, { day: earlier }).filter(isPending).length;
    throw new MoorError(
      'CLOSE_OUT_OF_ORDER',
      `${dayTitles[day]} cannot start yet: ${dayTitles[earlier]} is not complete ` +
        `(${open} item${open === 1 ? '' : 's'} open; finish them, or a deputy overrides the day with a written reason).`,
      { closeId, day, blockingDay: earlier, open },
    );
  }
}
