import { appendAudit } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import { describeActor } from '../auth/actor';
import type { Mirror } from '../db/mirror';
import type { CloseDay } from './close-days';
import { closeDayRow, dayCompleted, setDayCompletion } from './close-day-store';
import { closeItems, isPending } from './close-item-store';

/** Completes the day when its last item is done. Call inside the action's transaction. */
export function settleDay(mirror: Mirror, closeId: number, day: CloseDay, actor: Actor, at: Date): boolean {
  if (dayCompleted(mirror, closeId, day)) return false;
  if (closeItems(mirror, closeId, { day }).some(isPending)) return false;
  // A day still open has no override: an override completes the day it settles.
  setDayCompletion(mirror, closeId, day, {
    at: at.toISOString(),
    by: describeActor(actor),
    overrideId: null,
  });
  appendAudit(
    mirror,
    {
      actor,
      action: 'close.day.complete',
      entity: 'close_day',
      entityId: `${closeId}:${day}`,
      after: { day },
    },
    at,
  );
  return true;
}

/** Reopens a completed day whose items must be done again (signatures voided by a re-print). */
export function reopenDay(
  mirror: Mirror,
  closeId: number,
  day: CloseDay,
  actor: Actor,
  at: Date,
  reason: string,
): void {
  const before = closeDayRow(mirror, closeId, day);
  if (before?.completed_at == null) return;
  setDayCompletion(mirror, closeId, day, null);
  appendAudit(
    mirror,
    {
      actor,
      action: 'close.day.reopen',
      entity: 'close_day',
      entityId: `${closeId}:${day}`,
      before,
      after: { day, reason },
    },
    at,
  );
}
