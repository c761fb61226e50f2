import path from 'node:path';
import type { BackupProgress } from '../../backup/backup-progress';
import type { BackupResult } from '../../backup/create-backup';
import type { PrintForCloseResult } from '../../close';
import type { CloseBackupView, PrintedCopiesView } from '../../../shared/views';

const SHORT_HASH = 12;

/** What a print job answers the window: the copies written, where, and how to tell them apart. */
export function printedCopiesView(folder: string, result: PrintForCloseResult): PrintedCopiesView {
  return {
    folder: path.resolve(folder),
    mergedPdfPath: result.mergedPdfPath,
    pages: result.pages,
    copies: result.copies.map((c) => ({
      classId: c.classId,
      className: c.className,
      documentId: c.documentId,
      pages: c.pages,
      pdfPath: c.pdfPath,
      xlsxPath: c.xlsxPath,
      shortHash: c.sha256.slice(0, SHORT_HASH),
      outcome: c.outcome,
      voided: c.voided,
    })),
  };
}

/** What a backup job answers the window: its number in the backup register and where it lies. */
export function closeBackupView(result: BackupResult): CloseBackupView {
  return {
    registerYear: result.registerYear,
    registerNumber: result.registerNumber,
    backupPath: result.backupPath,
    bytes: result.bytes,
    shortHash: result.sha256.slice(0, SHORT_HASH),
    verified: result.verified,
  };
}

// Writing the encrypted copy takes most of the time; the snapshot and the read-back share the rest.
const PHASES: Record<BackupProgress['phase'], { from: number; span: number }> = {
  snapshot: { from: 0, span: 0.25 },
  write: { from: 0.25, span: 0.5 },
  verify: { from: 0.75, span: 0.25 },
  restore: { from: 0, span: 1 },
};

/** One bar for the backup's phases, each phase filling its own share of it. */
export function backupFraction(progress: BackupProgress): number {
  const phase = PHASES[progress.phase];
  const within = progress.total === 0 ? 1 : progress.done / progress.total;
  return phase.from + phase.span * Math.min(1, within);
}
