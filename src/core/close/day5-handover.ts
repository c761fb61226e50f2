import type { Actor } from '../auth/actor';
import { assertAllowed } from '../auth/permissions';
import { recordHandover as addHandoverLogEntry } from '../registers/handover-log';
import type { Clock } from '../clock';
import type { Mirror } from '../db/mirror';
import type { CloseItemKind } from '../db/schema';
import { MoorError } from '../errors';
import { dayFiveOrder } from './close-days';
import { assertDayReachable } from './close-day-store';
import { closeItems, type CloseItem } from './close-item-store';
import { getOpenClose } from './close-store';
import { assertPending, markItemDone } from './item-actions';
import { loadNameBook } from './names';
import { requireStaff } from './people';

const stepNames: Record<CloseItemKind, string> = {
  teacher_check: 'teacher check',
  backup: 'backup copy',
  class_print: 'printed copy',
  subject_signature: 'subject signature',
  title_certification: 'title page certification',
  handover: 'hand-over to the secretary',
  director_signature: "director's signature",
  stamp: 'school seal',
  folder: 'folder',
};

/**
 * The pending day-5 step of this kind, after checking that days 1–4 are complete and the
 * steps before it on day 5 are recorded: the secretary receives the copies, takes them to the
 * director, has them sealed, then forms the folder.
 */
export function dayFiveStep(mirror: Mirror, closeId: number, kind: CloseItemKind): CloseItem {
  getOpenClose(mirror, closeId);
  assertDayReachable(mirror, closeId, 5);
  const items = closeItems(mirror, closeId, { day: 5 });
  const position = dayFiveOrder.indexOf(kind);
  for (const earlier of dayFiveOrder.slice(0, position)) {
    const step = items.find((i) => i.kind === earlier);
    if (step?.status !== 'done') {
      throw new MoorError(
        'CLOSE_OUT_OF_ORDER',
        `The ${stepNames[kind]} comes after the ${stepNames[earlier]}, which is not recorded yet.`,
        { closeId, kind, blocking: earlier },
      );
    }
  }
  const [item] = assertPending(
    items.filter((i) => i.kind === kind),
    `The ${stepNames[kind]}`,
  );
  if (!item) throw new MoorError('CLOSE_NOT_FOUND', `Close ${closeId} has no ${stepNames[kind]} step.`);
  return item;
}

/** What the hand-over item keeps: its hand-over log entry and what was handed over. */
export interface HandoverReference {
  handoverLogId: number;
  documents: string[];
  pages: number;
  deputy: string;
}

/** The pages of the printed copies, from their document records. */
export function documentPages(mirror: Mirror, documentIds: readonly string[]): number {
  if (documentIds.length === 0) return 0;
  const row = mirror.first(
    mirror.db
      .selectFrom('document')
      .select((eb) => eb.fn.sum<number>('pages').as('pages'))
      .where('id', 'in', documentIds),
  );
  return row?.pages ?? 0;
}

export interface HandoverInput {
  closeId: number;
  /** The secretary who received the certified copies and signed the hand-over log. */
  secretaryId: number;
}

/** Day 5: the deputy hands the certified copies to the secretary (signature in the hand-over log). */
export function recordHandover(mirror: Mirror, input: HandoverInput, actor: Actor, clock: Clock): void {
  assertAllowed(actor, 'close.handover');
  const at = clock();
  mirror.transaction(() => {
    const secretary = requireStaff(mirror, input.secretaryId);
    if (secretary.position !== 'secretary') {
      throw new MoorError(
        'CLOSE_NOT_SECRETARY',
        `${loadNameBook(mirror).staff(secretary.id)} is not the school's secretary; the copies are handed to the secretary.`,
        { staffId: secretary.id },
      );
    }
    const item = dayFiveStep(mirror, input.closeId, 'handover');
    const documents = closeItems(mirror, input.closeId, { kind: 'class_print' })
      .map((i) => i.document_id)
      .filter((id) => id !== null);
    const pages = documentPages(mirror, documents);
    const entry = addHandoverLogEntry(mirror, {
      actor,
      clock,
      at,
      documentIds: documents,
      toStaffId: secretary.id,
      copies: documents.length,
      pages,
    });
    const reference: HandoverReference = { handoverLogId: entry.id, documents, pages, deputy: actor.name };
    markItemDone(
      mirror,
      item,
      {
        signer_id: secretary.id,
        signed_on: at.toISOString().slice(0, 10),
        reference: JSON.stringify(reference),
      },
      'close.handover',
      actor,
      at,
    );
  });
}

/** Day 5: the director signed every printed copy. */
export function recordDirectorSignature(mirror: Mirror, closeId: number, actor: Actor, clock: Clock): void {
  assertAllowed(actor, 'close.directorSign');
  const at = clock();
  mirror.transaction(() => {
    const item = dayFiveStep(mirror, closeId, 'director_signature');
    markItemDone(mirror, item, { signed_on: at.toISOString().slice(0, 10) }, 'close.directorSign', actor, at);
  });
}

/** Day 5: the copies carry the school seal. */
export function recordStamp(mirror: Mirror, closeId: number, actor: Actor, clock: Clock): void {
  assertAllowed(actor, 'close.stamp');
  const at = clock();
  mirror.transaction(() => {
    const item = dayFiveStep(mirror, closeId, 'stamp');
    markItemDone(mirror, item, { signed_on: at.toISOString().slice(0, 10) }, 'close.stamp', actor, at);
  });
}
