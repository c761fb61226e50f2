import { appendAudit } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import { assertAllowed } from '../auth/permissions';
import type { Clock } from '../clock';
import type { Mirror } from '../db/mirror';
import { MoorError } from '../errors';
import { closeDayRows, closeOverrides } from './close-day-store';
import { closeItems } from './close-item-store';
import { closeClassIds, deleteClose, getOpenClose } from './close-store';
import { describeItem } from './item-actions';
import { loadNameBook } from './names';
import { writtenReason } from './written-reason';

export interface CancelInput {
  closeId: number;
  reason: string;
}

/**
 * A deputy cancels a close started by mistake (the wrong period, the wrong classes), with a
 * written reason, so that the period can be started again.
 *
 * What is irreversible: day 5. Its first act is the hand-over to the secretary, written in the
 * hand-over log (a register of strict reporting documents), and the director's signature, the seal
 * and the folder follow it; none of them can be taken back by the app. So a close may be cancelled
 * only while every day-5 item is still open and day 5 is not complete (a completed close is
 * refused as ever). Everything before it stays true after cancelling: printed copies stay in the
 * document table, a backup stays in the backup register, paper signatures were the people's own
 * acts on paper that the deputy now discards.
 *
 * The close's own rows are removed (its classes must be free to start again: one close per
 * period and class), and the audit entry keeps all that was removed: the run, its classes, each
 * day's completion, the overrides with their reasons and every item that had been acted on.
 */
export function cancelClose(mirror: Mirror, input: CancelInput, actor: Actor, clock: Clock): void {
  assertAllowed(actor, 'close.cancel');
  const reason = writtenReason(input.reason, 'Cancelling a close');
  const at = clock();
  mirror.transaction(() => {
    const run = getOpenClose(mirror, input.closeId);
    const items = closeItems(mirror, run.id);
    const days = closeDayRows(mirror, run.id);
    const handedOver =
      items.some((i) => i.day === 5 && i.status !== 'open') ||
      days.some((d) => d.day === 5 && d.completed_at !== null);
    if (handedOver) {
      throw new MoorError(
        'CLOSE_CANCEL_TOO_LATE',
        `Close ${run.id} has reached day 5 (the copies were handed over to the secretary); it can no longer be cancelled.`,
        { closeId: run.id },
      );
    }
    const overrides = closeOverrides(mirror, run.id);
    const names = loadNameBook(mirror);
    const removed = {
      run,
      classIds: closeClassIds(mirror, run.id),
      days: days.filter((d) => d.completed_at !== null),
      overrides,
      actedOn: items.filter((i) => i.status !== 'open').map((i) => ({ ...i, item: describeItem(i, names) })),
      openItems: items.filter((i) => i.status === 'open').length,
    };
    deleteClose(mirror, run.id);
    appendAudit(
      mirror,
      {
        actor,
        action: 'close.cancel',
        entity: 'close_run',
        entityId: run.id,
        before: removed,
        after: { status: 'cancelled', reason, periodId: run.period_id },
      },
      at,
    );
  });
}
