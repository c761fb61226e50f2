import type { Selectable } from 'kysely';
import type { Mirror } from '../db/mirror';
import type { CloseItemKind, CloseItemTable, CloseRunTable, ReportingPeriodTable } from '../db/schema';
import { MoorError } from '../errors';
import { closeDays, dayTitles, pendingStatuses, type CloseDay } from './close-days';

export type CloseRun = Selectable<CloseRunTable>;
export type CloseItem = Selectable<CloseItemTable>;
export type Period = Selectable<ReportingPeriodTable>;

/** Every close the mirror has seen (open, completed or cancelled), the first started first. */
export function listCloses(mirror: Mirror): CloseRun[] {
  return mirror.all(mirror.db.selectFrom('close_run').selectAll().orderBy('id'));
}

export function getClose(mirror: Mirror, closeId: number): CloseRun {
  const run = mirror.first(mirror.db.selectFrom('close_run').selectAll().where('id', '=', closeId));
  if (!run) throw new MoorError('CLOSE_NOT_FOUND', `There is no close number ${closeId}.`, { closeId });
  return run;
}

/** The close, refusing one that is already completed: its data is frozen and its steps are final. */
export function getOpenClose(mirror: Mirror, closeId: number): CloseRun {
  const run = getClose(mirror, closeId);
  if (run.status === 'completed') {
    throw new MoorError(
      'CLOSE_COMPLETED',
      `Close ${closeId} was completed on ${run.completed_at ?? '?'}; nothing in it can change any more.`,
      { closeId },
    );
  }
  return run;
}

export function getPeriod(mirror: Mirror, periodId: number): Period {
  const period = mirror.first(
    mirror.db.selectFrom('reporting_period').selectAll().where('id', '=', periodId),
  );
  if (!period) throw new MoorError('PERIOD_NOT_FOUND', `There is no reporting period ${periodId}.`);
  return period;
}

export function closeClassIds(mirror: Mirror, closeId: number): number[] {
  return mirror
    .all(
      mirror.db
        .selectFrom('close_class')
        .innerJoin('class', 'class.id', 'close_class.class_id')
        .select('close_class.class_id')
        .where('close_class.close_id', '=', closeId)
        .orderBy('class.grade')
        .orderBy('class.letter'),
    )
    .map((r) => r.class_id);
}

export function closeItems(
  mirror: Mirror,
  closeId: number,
  filter: { day?: number; kind?: CloseItemKind } = {},
): CloseItem[] {
  let query = mirror.db.selectFrom('close_item').selectAll().where('close_id', '=', closeId);
  if (filter.day !== undefined) query = query.where('day', '=', filter.day);
  if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
  return mirror.all(query.orderBy('id'));
}

export function isPending(item: CloseItem): boolean {
  return (pendingStatuses as readonly string[]).includes(item.status);
}

export function dayCompleted(mirror: Mirror, closeId: number, day: CloseDay): boolean {
  const row = mirror.first(
    mirror.db
      .selectFrom('close_day')
      .select('completed_at')
      .where('close_id', '=', closeId)
      .where('day', '=', day),
  );
  return row?.completed_at != null;
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

/** The school year the close's period belongs to (where its classes are looked up by name). */
export function getCloseYear(mirror: Mirror, closeId: number): number {
  return getPeriod(mirror, getClose(mirror, closeId).period_id).academic_year_id;
}
