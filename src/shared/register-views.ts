import type { ErrorCode } from './error-codes';

/** Output shapes of the registers, sync, restore and school-year commands: plain data. */

export interface ArchiveEntryView {
  readonly id: number;
  readonly year: number;
  readonly number: number;
  readonly classId: number | null;
  readonly classLabel: string;
  readonly periodId: number | null;
  readonly periodLabel: string;
  readonly documentTitle: string;
  readonly documentRef: string | null;
  readonly pages: number;
  readonly receivedOn: string;
  readonly handedOverBy: string;
  readonly receivedBy: string;
  readonly directorSigned: boolean;
  readonly stamped: boolean;
  readonly stitched: boolean;
  readonly folderNumber: string | null;
  readonly storagePlace: string | null;
  readonly retentionUntil: string | null;
  readonly note: string | null;
}

export interface ArchiveRegisterView {
  readonly entries: readonly ArchiveEntryView[];
  /** Every register year that has lines, for the year filter. */
  readonly years: readonly number[];
  /** Every numbered folder of the register, for stitching a whole folder at once. */
  readonly folders: readonly ArchiveFolderView[];
}

/** A folder of one school year: how many lines it holds and how many are stitched. */
export interface ArchiveFolderView {
  readonly academicYearId: number;
  readonly schoolYear: string;
  readonly folderNumber: string;
  readonly lines: number;
  readonly stitched: number;
}

export interface BackupRegisterLineView {
  readonly id: number;
  readonly year: number;
  readonly number: number;
  readonly startedAt: string;
  readonly actorName: string;
  readonly medium: string;
  readonly path: string;
  readonly bytes: number | null;
  readonly status: 'writing' | 'verified' | 'failed';
  readonly verifiedAt: string | null;
  /** Why it failed, as an error code and the details its words name. */
  readonly failureCode: ErrorCode | null;
  readonly failureDetails: Readonly<Record<string, string | number>>;
}

export interface BackupUseView {
  readonly id: number;
  readonly at: string;
  readonly actorName: string;
  readonly kind: 'restore' | 'inspect';
  /** "№ 3/2026" when the backup is in this register. */
  readonly registerNumber: string | null;
  readonly path: string;
  readonly reason: string;
  readonly result: 'ok' | 'failed';
  readonly detail: string | null;
}

export interface BackupRegistersView {
  readonly backups: readonly BackupRegisterLineView[];
  readonly uses: readonly BackupUseView[];
}

export interface HandoverView {
  readonly id: number;
  readonly at: string;
  readonly fromName: string;
  readonly toName: string;
  readonly description: string;
  readonly copies: number;
  readonly pages: number | null;
  readonly documents: readonly string[];
}

export interface FolderInventoryView {
  readonly periodLabel: string;
  readonly folderNumbers: readonly string[];
  readonly lines: readonly {
    readonly position: number;
    readonly registerNumber: string;
    readonly classLabel: string;
    readonly documentTitle: string;
    readonly pages: number;
    readonly directorSigned: boolean;
    readonly stamped: boolean;
    readonly stitched: boolean;
    readonly folderNumber: string | null;
  }[];
  readonly totalPages: number;
  /** Classes 2–11 with no certified copy of this period in the archive yet. */
  readonly classesMissing: readonly string[];
}

export interface RegisterFileView {
  readonly path: string;
  readonly rows: number;
}

/** A Kundoluk sync cut off before its last week: the screen offers to continue it from there. */
export interface KundolukCutSyncView {
  readonly account: string;
  readonly from: string;
  readonly to: string;
  readonly weeksDone: number;
  readonly weeks: number;
  /** The last day of the last week written. */
  readonly doneThrough: string | null;
  readonly startedAt: string;
}

export interface SyncRunView {
  readonly id: number;
  readonly source: 'kundoluk' | 'workbook' | 'bundle';
  readonly name: string;
  readonly actor: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
  readonly warnings: readonly string[];
}

/** What a finished sync job answers. */
export interface SyncResultView {
  readonly runId: number;
  readonly source: 'kundoluk' | 'workbook' | 'bundle';
  readonly name: string;
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
  readonly changesSeen: number;
  readonly warnings: readonly string[];
}

/** What a backup holds, once it was read back and checked. */
export interface BackupCheckView {
  readonly backupId: string;
  readonly createdAt: string;
  readonly sha256: string;
  readonly files: number;
}

export interface RestoreResultView extends BackupCheckView {
  readonly preRestorePath: string | null;
  readonly registerRowsCarried: number;
  /** The printed copies put back, and those left as they were because a file was already in place. */
  readonly documentsWritten: number;
  readonly documentsKept: number;
}

export interface SchoolYearView {
  readonly id: number;
  readonly label: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly quarters: readonly {
    readonly id: number;
    readonly number: number;
    readonly startsOn: string;
    readonly endsOn: string;
  }[];
}
