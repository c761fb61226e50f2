import { appendAudit } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import { describeActor } from '../auth/actor';
import type { Mirror } from '../db/mirror';
import type { CloseDay } from './close-days';
import { closeItems, dayCompleted, isPending } from './close-store';

/** Completes the day when its last item is done. Call inside the action's transaction. */
export function settleDay(mirror: Mirror, closeId: number, day: CloseDay, actor: Actor, at: Date): boolean {
  if (dayCompleted(mirror, closeId, day)) return false;
  if (closeItems(mirror, closeId, { day }).some(isPending)) return false;
  mirror.run(
    mirror.db
      .updateTable('close_day')
      .set({ completed_at: at.toISOString(), completed_by: describeActor(actor) })
      .where('close_id', '=', closeId)
      .where('day', '=', day),
  );
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
  const before = mirror.first(
    mirror.db.selectFrom('close_day').selectAll().where('close_id', '=', closeId).where('day', '=', day),
  );
  if (before?.completed_at == null) return;
  mirror.run(
    mirror.db
      .updateTable('close_day')
      .set({ completed_at: null, completed_by: null, override_id: null })
      .where('close_id', '=', closeId)
      .where('day', '=', day),
  );
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
