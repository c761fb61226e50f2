import type { Actor } from '../auth/actor';
import { assertAllowed } from '../auth/permissions';
import { createBackup, type BackupResult } from '../backup/create-backup';
import type { Clock } from '../clock';
import type { Mirror } from '../db/mirror';
import type { BackupProgress } from '../backup/backup-progress';
import type { Language } from '../db/schema';
import { printSchool, type PrintProgress } from '../documents/class-copy/print-school';
import { MoorError } from '../errors';
import { assertDayReachable } from './close-day-store';
import { closeItems } from './close-item-store';
import { closeClassIds, getOpenClose } from './close-store';
import { recordBackup, recordClassPrint } from './day2-copies';
import { assertPending } from './item-actions';
import { requireCloseClass } from './people';

export interface PrintedForClose {
  classId: number;
  className: string;
  documentId: string;
  pages: number;
  pdfPath: string;
  xlsxPath: string;
  /** SHA-256 of the PDF, to tell the copy on paper from another one. */
  sha256: string;
  /** printed: first copy; reprinted: data changed, the earlier copy is superseded; unchanged: same copy again. */
  outcome: 'printed' | 'reprinted' | 'unchanged';
  /** Signatures and certifications voided by the re-print, to be collected again. */
  voided: number;
}

export interface PrintForCloseResult {
  copies: PrintedForClose[];
  mergedPdfPath: string;
  pages: number;
}

function assertNotHandedOver(mirror: Mirror, closeId: number): void {
  if (closeItems(mirror, closeId, { day: 5 }).some((i) => i.status === 'done')) {
    throw new MoorError(
      'CLOSE_HANDED_OVER',
      'The copies were already handed over to the secretary; they cannot be printed again in this close.',
    );
  }
}

/**
 * Day 2: prints the copies of the close's classes (PDF and XLSX, one per class, and a merged PDF)
 * and records each on its class. A class whose data changed since its last copy is re-printed
 * and its signatures are voided; an unchanged class gives the same copy again and changes nothing.
 */
export async function printForClose(
  mirror: Mirror,
  input: {
    closeId: number;
    outDir: string;
    classIds?: readonly number[];
    workers?: number;
    language?: Language;
    onProgress?: (progress: PrintProgress) => void;
    signal?: AbortSignal;
  },
  actor: Actor,
  clock: Clock,
): Promise<PrintForCloseResult> {
  assertAllowed(actor, 'documents.print');
  const run = getOpenClose(mirror, input.closeId);
  assertDayReachable(mirror, input.closeId, 2);
  assertNotHandedOver(mirror, input.closeId);
  const classIds = input.classIds ?? closeClassIds(mirror, input.closeId);
  for (const classId of classIds) requireCloseClass(mirror, input.closeId, classId);
  const printed = await printSchool(mirror, {
    periodId: run.period_id,
    classIds,
    outDir: input.outDir,
    actor,
    clock,
    ...(input.workers === undefined ? {} : { workers: input.workers }),
    ...(input.language === undefined ? {} : { language: input.language }),
    ...(input.onProgress === undefined ? {} : { onProgress: input.onProgress }),
    ...(input.signal === undefined ? {} : { signal: input.signal }),
  });
  const recorded = new Map(
    closeItems(mirror, input.closeId, { kind: 'class_print' }).map((i) => [i.class_id, i.document_id]),
  );
  const copies = printed.documents.map((doc): PrintedForClose => {
    const base = {
      classId: doc.classId,
      className: doc.className,
      documentId: doc.documentId,
      pages: doc.pages,
      pdfPath: doc.pdfPath,
      xlsxPath: doc.xlsxPath,
      sha256: doc.sha256,
    };
    const before = recorded.get(doc.classId) ?? null;
    if (before === doc.documentId) return { ...base, outcome: 'unchanged', voided: 0 };
    const outcome = recordClassPrint(
      mirror,
      { closeId: input.closeId, classId: doc.classId, documentId: doc.documentId },
      actor,
      clock,
    );
    return { ...base, outcome: before === null ? 'printed' : 'reprinted', voided: outcome.voided.length };
  });
  return { copies, mergedPdfPath: printed.mergedPdfPath, pages: printed.pages };
}

/**
 * Day 2: makes the encrypted backup copy of the mirror (and of the printed copies, when given)
 * on the chosen drive, verifies it, enters it in the backup register, and records it on the close.
 */
export async function backupForClose(
  mirror: Mirror,
  input: {
    closeId: number;
    targetDir: string;
    passphrase: string;
    documentsDir?: string;
    mediumLabel?: string;
    onProgress?: (progress: BackupProgress) => void;
    signal?: AbortSignal;
  },
  actor: Actor,
  clock: Clock,
): Promise<BackupResult> {
  assertAllowed(actor, 'backup.create');
  const run = getOpenClose(mirror, input.closeId);
  assertDayReachable(mirror, input.closeId, 2);
  assertPending(closeItems(mirror, input.closeId, { kind: 'backup' }), "This close's backup copy");
  const result = await createBackup(mirror, {
    targetDir: input.targetDir,
    passphrase: input.passphrase,
    actor,
    clock,
    periodId: run.period_id,
    ...(input.documentsDir === undefined ? {} : { documentsDir: input.documentsDir }),
    ...(input.mediumLabel === undefined ? {} : { mediumLabel: input.mediumLabel }),
    ...(input.onProgress === undefined ? {} : { onProgress: input.onProgress }),
    ...(input.signal === undefined ? {} : { signal: input.signal }),
  });
  recordBackup(
    mirror,
    {
      closeId: input.closeId,
      registerId: result.registerId,
      backupId: result.backupId,
      verified: result.verified,
    },
    actor,
    clock,
  );
  return result;
}
