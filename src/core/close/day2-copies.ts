import { appendAudit } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import { assertAllowed } from '../auth/permissions';
import type { Clock } from '../clock';
import type { Mirror } from '../db/mirror';
import { MoorError } from '../errors';
import { closeDays } from './close-days';
import { assertDayReachable } from './close-day-store';
import { closeItems, updateCloseItem, type CloseItem } from './close-item-store';
import { getOpenClose } from './close-store';
import { reopenDay } from './day-completion';
import { assertPending, describeItem, markItemDone } from './item-actions';
import { loadNameBook } from './names';
import { requireCloseClass } from './people';

export interface RecordedBackup {
  closeId: number;
  /** The backup register entry (backup issue's `createBackup` result). */
  registerId: number;
  backupId: string;
  verified: boolean;
}

/** Day 2: the verified backup copy made for this close, entered in the backup register. */
export function recordBackup(mirror: Mirror, input: RecordedBackup, actor: Actor, clock: Clock): void {
  assertAllowed(actor, 'backup.create');
  if (!input.verified) {
    throw new MoorError(
      'CLOSE_BACKUP_NOT_VERIFIED',
      'Only a verified backup copy completes day 2; verify it first.',
    );
  }
  const at = clock();
  mirror.transaction(() => {
    getOpenClose(mirror, input.closeId);
    assertDayReachable(mirror, input.closeId, 2);
    const [item] = assertPending(
      closeItems(mirror, input.closeId, { kind: 'backup' }),
      "This close's backup copy",
    );
    if (!item) return;
    markItemDone(
      mirror,
      item,
      { reference: `backup-register:${input.registerId}:${input.backupId}` },
      'close.backup',
      actor,
      at,
    );
  });
}

export interface RecordedPrint {
  closeId: number;
  classId: number;
  /** The printed copy's document record; a different one than recorded before is a re-print. */
  documentId: string;
}

export interface PrintOutcome {
  /** Signatures and certifications that were given on the superseded copy and must be collected again. */
  voided: CloseItem[];
}

function voidSignatures(
  mirror: Mirror,
  closeId: number,
  classId: number,
  previousDocumentId: string | null,
  actor: Actor,
  at: Date,
): CloseItem[] {
  const signed = closeItems(mirror, closeId)
    .filter(
      (i) => i.class_id === classId && (i.kind === 'subject_signature' || i.kind === 'title_certification'),
    )
    .filter((i) => i.status === 'done' || i.status === 'overridden');
  if (signed.length === 0) return [];
  const reason = `The copy${previousDocumentId === null ? '' : ` (document ${previousDocumentId})`} was superseded by a re-print after the class's data changed.`;
  const names = loadNameBook(mirror);
  for (const item of signed) {
    updateCloseItem(mirror, item.id, {
      status: item.status === 'done' ? 'voided' : 'open',
      void_reason: reason,
      voided_at: at.toISOString(),
      override_id: null,
    });
  }
  for (const day of closeDays) {
    if (signed.some((i) => i.day === day)) reopenDay(mirror, closeId, day, actor, at, reason);
  }
  appendAudit(
    mirror,
    {
      actor,
      action: 'close.supersede',
      entity: 'close_class',
      entityId: `${closeId}:${classId}`,
      before: {
        documentId: previousDocumentId,
        signed: signed.map((i) => ({ id: i.id, item: describeItem(i, names), status: i.status })),
      },
      after: { status: 'voided', reason },
    },
    at,
  );
  return signed;
}

/**
 * Day 2: a class's printed copy. A re-print after the class's data changed supersedes the earlier
 * copy: the signatures and the certification given on it are voided and must be collected again
 * (days 3 and 4 reopen for that class). Refused once the copies were handed to the secretary.
 */
export function recordClassPrint(
  mirror: Mirror,
  input: RecordedPrint,
  actor: Actor,
  clock: Clock,
): PrintOutcome {
  assertAllowed(actor, 'documents.print');
  const at = clock();
  return mirror.transaction(() => {
    getOpenClose(mirror, input.closeId);
    assertDayReachable(mirror, input.closeId, 2);
    const schoolClass = requireCloseClass(mirror, input.closeId, input.classId);
    const item = closeItems(mirror, input.closeId, { kind: 'class_print' }).find(
      (i) => i.class_id === schoolClass.id,
    );
    if (!item)
      throw new MoorError(
        'CLOSE_CLASS_NOT_FOUND',
        `Class #${input.classId} has no printed copy in this close.`,
      );
    if (item.status === 'done' || item.status === 'overridden') {
      if (item.document_id === input.documentId) {
        throw new MoorError(
          'CLOSE_ALREADY_DONE',
          `The copy of class ${schoolClass.grade}${schoolClass.letter} is already printed (document ${input.documentId}) and its data has not changed.`,
        );
      }
      const handedOver = closeItems(mirror, input.closeId, { day: 5 }).some((i) => i.status === 'done');
      if (handedOver) {
        throw new MoorError(
          'CLOSE_HANDED_OVER',
          'The copies were already handed over to the secretary; a class cannot be re-printed in this close any more.',
        );
      }
      const voided = voidSignatures(mirror, input.closeId, schoolClass.id, item.document_id, actor, at);
      markItemDone(mirror, item, { document_id: input.documentId }, 'close.reprint', actor, at);
      return { voided };
    }
    markItemDone(mirror, item, { document_id: input.documentId }, 'close.print', actor, at);
    return { voided: [] };
  });
}
