import { FINGERPRINTS_KEY, scopeFingerprint } from '../audit/frozen-fingerprint';
import { appendAudit } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import { describeActor } from '../auth/actor';
import { assertAllowed } from '../auth/permissions';
import type { Clock } from '../clock';
import type { Mirror } from '../db/mirror';
import { documentLabels } from '../documents/words';
import { freezePeriod } from '../mirror/frozen';
import { addArchiveEntry } from '../registers/archive-register';
import { closeItems, type CloseItem } from './close-item-store';
import { getClose, getPeriod, markCloseCompleted } from './close-store';
import { dayFiveStep, documentPages, type HandoverReference } from './day5-handover';
import { loadNameBook } from './names';
import { markItemDone } from './item-actions';
import { schoolLanguage } from '../settings/school';

export interface CompletedClose {
  folderLabel: string;
  frozenClasses: number;
  /** The archive register lines entered, one per class copy. */
  archiveEntries: number[];
}

/**
 * The folder's number in its school year, as the secretary numbers her folders: 1, 2, … The
 * period's folder keeps the number it already has in the register; a new folder takes the next.
 */
function folderNumber(mirror: Mirror, periodId: number): string {
  const period = getPeriod(mirror, periodId);
  const numbered = mirror
    .all(
      mirror.db
        .selectFrom('archive_register')
        .select(['period_id', 'folder_number'])
        .where('academic_year_id', '=', period.academic_year_id),
    )
    .filter((row) => /^\d+$/.test(row.folder_number ?? ''));
  const own = numbered.find((row) => row.period_id === periodId);
  if (own?.folder_number) return own.folder_number;
  return String(Math.max(0, ...numbered.map((row) => Number(row.folder_number))) + 1);
}

/** Enters every class copy in the archive register: received at the hand-over, signed, sealed, in the folder. */
function archiveCopies(
  mirror: Mirror,
  closeId: number,
  periodId: number,
  prints: readonly CloseItem[],
  actor: Actor,
  clock: Clock,
): number[] {
  const handover = closeItems(mirror, closeId, { kind: 'handover' })[0];
  const handedOver = JSON.parse(handover?.reference ?? '{}') as Partial<HandoverReference>;
  const receivedBy = loadNameBook(mirror).staff(handover?.signer_id ?? null);
  const title = documentLabels(schoolLanguage(mirror)).titleCopy;
  const folder = folderNumber(mirror, periodId);
  return prints.flatMap((print) => {
    if (print.class_id === null || print.document_id === null) return [];
    const entry = addArchiveEntry(mirror, {
      actor,
      clock,
      classId: print.class_id,
      periodId,
      documentTitle: title,
      kind: 'class_copy',
      documentRef: print.document_id,
      pages: documentPages(mirror, [print.document_id]),
      receivedOn: handover?.signed_on ?? clock().toISOString().slice(0, 10),
      handedOverBy: handedOver.deputy ?? '',
      receivedBy: receivedBy === '' ? actor.name : receivedBy,
      directorSigned: true,
      stamped: true,
      folderNumber: folder,
    });
    return [entry.id];
  });
}

/** The folder's name in the school's document language: "2025-2026 окуу жылы, 1-чейрек". */
export function folderLabel(mirror: Mirror, periodId: number): string {
  const period = getPeriod(mirror, periodId);
  const year = mirror.first(
    mirror.db.selectFrom('academic_year').select('label').where('id', '=', period.academic_year_id),
  );
  const labels = documentLabels(schoolLanguage(mirror));
  return `${year?.label ?? ''}, ${labels.periodName(period.kind, period.number)}`;
}

/**
 * Day 5, last step: the secretary has formed the folder of the quarter, half-year or year and
 * entered each class copy in the archive register. The close completes, and each class's period is
 * frozen as printed: later syncs that change it are flagged as changes to certified data.
 */
export function completeClose(mirror: Mirror, closeId: number, actor: Actor, clock: Clock): CompletedClose {
  assertAllowed(actor, 'close.formFolder');
  assertAllowed(actor, 'close.complete');
  const at = clock();
  return mirror.transaction(() => {
    const item = dayFiveStep(mirror, closeId, 'folder');
    const periodId = getClose(mirror, closeId).period_id;
    const label = folderLabel(mirror, periodId);
    markItemDone(mirror, item, { reference: label }, 'close.formFolder', actor, at);
    const prints = closeItems(mirror, closeId, { kind: 'class_print' });
    const archived = archiveCopies(mirror, closeId, periodId, prints, actor, clock);
    for (const print of prints) {
      if (print.class_id === null) continue;
      // frozen_scope keeps numeric document ids while printed copies have text ids; the copy each
      // class was frozen with stays on the close's print item.
      freezePeriod(mirror, { classId: print.class_id, periodId, documentId: null }, at);
    }
    const fingerprints = prints.flatMap((p) =>
      p.class_id === null
        ? []
        : [{ classId: p.class_id, periodId, sha256: scopeFingerprint(mirror, p.class_id, periodId) }],
    );
    markCloseCompleted(mirror, closeId, {
      at: at.toISOString(),
      by: describeActor(actor),
      folderLabel: label,
    });
    appendAudit(
      mirror,
      {
        actor,
        action: 'close.complete',
        entity: 'close_run',
        entityId: closeId,
        before: { status: 'open' },
        after: {
          status: 'completed',
          folderLabel: label,
          archiveEntries: archived,
          frozen: prints.map((p) => ({ classId: p.class_id, documentId: p.document_id })),
          // What each frozen period holds, so that a later change made outside Мөөр shows.
          [FINGERPRINTS_KEY]: fingerprints,
        },
      },
      at,
    );
    return { folderLabel: label, frozenClasses: prints.length, archiveEntries: archived };
  });
}
