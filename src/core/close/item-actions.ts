import type { AuditAction } from '../../shared/audit-actions';
import { appendAudit } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import { describeActor } from '../auth/actor';
import type { Mirror } from '../db/mirror';
import type { CloseItemTable } from '../db/schema';
import { MoorError } from '../errors';
import type { CloseDay } from './close-days';
import { isPending, updateCloseItem, type CloseItem } from './close-item-store';
import { settleDay } from './day-completion';
import type { NameBook } from './names';

type ItemFields = Partial<
  Pick<CloseItemTable, 'signed_on' | 'signer_id' | 'document_id' | 'reference' | 'findings' | 'checked_at'>
>;

/** Marks an item done, audits it with its state before and after, and completes the day if it was the last. */
export function markItemDone(
  mirror: Mirror,
  item: CloseItem,
  fields: ItemFields,
  action: AuditAction,
  actor: Actor,
  at: Date,
): void {
  const after = {
    ...fields,
    status: 'done' as const,
    done_at: at.toISOString(),
    done_by: describeActor(actor),
    void_reason: null,
    voided_at: null,
    override_id: null,
  };
  updateCloseItem(mirror, item.id, after);
  appendAudit(
    mirror,
    {
      actor,
      action,
      entity: 'close_item',
      entityId: item.id,
      before: { status: item.status, kind: item.kind, key: item.item_key, document_id: item.document_id },
      after: { kind: item.kind, key: item.item_key, ...after },
    },
    at,
  );
  settleDay(mirror, item.close_id, item.day as CloseDay, actor, at);
}

/** Describes an item the way people say it: "5А математика (Асанова Гүлзат)". */
export function describeItem(item: CloseItem, names: NameBook): string {
  const parts = [names.klass(item.class_id), names.subject(item.subject_id)].filter((p) => p !== '');
  const who = item.teacher_id === null ? '' : ` (${names.staff(item.teacher_id)})`;
  return `${item.kind.replace('_', ' ')}${parts.length > 0 ? ` ${parts.join(' ')}` : ''}${who}`;
}

/** Refuses to do again what is already done. */
export function assertPending(items: readonly CloseItem[], what: string): CloseItem[] {
  const pending = items.filter(isPending);
  if (pending.length === 0) {
    const done = items.find((i) => i.status === 'done');
    throw new MoorError(
      'CLOSE_ALREADY_DONE',
      done
        ? `${what} is already recorded (on ${done.done_at ?? '?'} by ${done.done_by ?? '?'}); nothing was changed.`
        : `${what} was settled by a deputy's override; nothing was changed.`,
      { itemIds: items.map((i) => i.id) },
    );
  }
  return pending;
}
