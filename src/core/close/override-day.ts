import { appendAudit } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import { describeActor } from '../auth/actor';
import { assertAllowed } from '../auth/permissions';
import type { Clock } from '../clock';
import type { Mirror } from '../db/mirror';
import { MoorError } from '../errors';
import { dayTitles, type CloseDay } from './close-days';
import { assertDayReachable, dayCompleted, insertOverride, setDayCompletion } from './close-day-store';
import { closeItems, isPending, overrideCloseItems } from './close-item-store';
import { getOpenClose } from './close-store';
import { describeItem } from './item-actions';
import { loadNameBook } from './names';
import { writtenReason } from './written-reason';

export interface OverrideInput {
  closeId: number;
  day: CloseDay;
  reason: string;
}

/**
 * A deputy completes a day although items are still open, with a written reason. The open items
 * are kept as "overridden" (not "done"), the reason is stored and audited with the list of them.
 * Day 5 is the hand-over, signature, seal and folder: people's acts that no override replaces.
 */
export function overrideDay(mirror: Mirror, input: OverrideInput, actor: Actor, clock: Clock): number {
  assertAllowed(actor, 'close.override');
  const reason = writtenReason(input.reason, 'An override');
  if (input.day === 5) {
    throw new MoorError(
      'CLOSE_NO_OVERRIDE',
      'Day 5 cannot be overridden: the hand-over, the director signature, the seal and the folder must each be recorded.',
    );
  }
  const at = clock();
  return mirror.transaction(() => {
    getOpenClose(mirror, input.closeId);
    assertDayReachable(mirror, input.closeId, input.day);
    if (dayCompleted(mirror, input.closeId, input.day)) {
      throw new MoorError(
        'CLOSE_ALREADY_DONE',
        `${dayTitles[input.day]} is already complete; nothing to override.`,
      );
    }
    const open = closeItems(mirror, input.closeId, { day: input.day }).filter(isPending);
    if (open.length === 0) {
      throw new MoorError('CLOSE_NOTHING_TO_OVERRIDE', `${dayTitles[input.day]} has no open items.`);
    }
    const names = loadNameBook(mirror);
    const overrideId = insertOverride(mirror, {
      closeId: input.closeId,
      day: input.day,
      reason,
      openItems: open.length,
      at: at.toISOString(),
      actor: describeActor(actor),
    });
    overrideCloseItems(
      mirror,
      open.map((i) => i.id),
      overrideId,
    );
    setDayCompletion(mirror, input.closeId, input.day, {
      at: at.toISOString(),
      by: describeActor(actor),
      overrideId,
    });
    appendAudit(
      mirror,
      {
        actor,
        action: 'close.override',
        entity: 'close_day',
        entityId: `${input.closeId}:${input.day}`,
        before: {
          open: open.map((i) => ({
            id: i.id,
            status: i.status,
            item: describeItem(i, names),
            findings: i.findings,
          })),
        },
        after: { overrideId, reason, status: 'overridden' },
      },
      at,
    );
    return overrideId;
  });
}
