/** Output shapes of the contract: plain data, serialisable over IPC and HTTP. */

import type { KundolukService } from './kundoluk-service';
import type { AuditActorKind } from './audit-actions';
import type { CheckRuleId } from './check-rules';
import type { CheckRules, MarkDeadlines } from './journal-rules';
import type { ArchiveDefaults } from './archive-defaults';
import type { ErrorCode } from './error-codes';

export type RoleName = 'deputy' | 'secretary' | 'director' | 'admin';
export type LanguageCode = 'ky' | 'ru' | 'en';
export type DocumentLanguage = 'ky' | 'ru';

export interface UserView {
  readonly id: number;
  readonly login: string;
  readonly fullName: string;
  readonly role: RoleName;
  readonly active: boolean;
  readonly lockedUntil: string | null;
  readonly lastSignInAt: string | null;
}

export interface SessionView {
  readonly user: UserView;
  /** Every permission of the role, from the core's matrix: the UI hides what the core would refuse. */
  readonly permissions: readonly string[];
  readonly locked: boolean;
}

export interface AppStatus {
  readonly setupDone: boolean;
  readonly defaultLanguage: LanguageCode;
  readonly school: { readonly nameKy: string; readonly nameRu: string } | null;
  readonly session: SessionView | null;
  readonly idleMinutes: number;
}

export interface PeriodView {
  readonly id: number;
  readonly kind: 'quarter' | 'half_year' | 'year';
  readonly number: number;
  readonly startsOn: string;
  readonly endsOn: string;
}

export interface DashboardSummary {
  readonly schoolName: { readonly ky: string; readonly ru: string } | null;
  readonly academicYear: string | null;
  /** The latest moment the mirror holds any journal entry: "the mirror is current as of". */
  readonly mirrorCurrentAsOf: string | null;
  readonly counts: {
    readonly classes: number;
    readonly students: number;
    readonly lessons: number;
    readonly marks: number;
    readonly absences: number;
  };
  readonly periods: readonly PeriodView[];
  /** The quarter that is running today, or the last one that ended. */
  readonly currentPeriodId: number | null;
  /** What a crash had left behind and the app's start put in order, to say so once. */
  readonly cleanedAtStart?: {
    readonly snapshots: readonly string[];
    readonly interrupted: readonly string[];
    readonly partialBackups: readonly string[];
    readonly partialFiles: readonly string[];
  };
}

export interface ClassView {
  readonly id: number;
  readonly grade: number;
  readonly letter: string;
  readonly language: DocumentLanguage;
  readonly classTeacher: string | null;
  readonly students: number;
  readonly subjects: readonly { readonly id: number; readonly nameKy: string; readonly nameRu: string }[];
}

export interface JournalGrid {
  readonly students: readonly { readonly id: number; readonly name: string }[];
  readonly lessons: readonly {
    readonly id: number;
    readonly date: string;
    readonly topic: string | null;
    readonly homework: string | null;
    readonly isSubstitution: boolean;
    /** The subgroup's name when the class is split for this subject, else null. */
    readonly subgroup: string | null;
  }[];
  /** One entry per filled cell: marks joined by "/", absences as Н/Б/У, late as "к". */
  readonly cells: readonly {
    readonly studentId: number;
    readonly lessonId: number;
    readonly text: string;
    readonly corrected: boolean;
  }[];
  readonly finals: readonly { readonly studentId: number; readonly value: string }[];
}

export interface AuditEntryView {
  readonly id: number;
  readonly at: string;
  readonly actor: { readonly kind: AuditActorKind; readonly name: string; readonly role: RoleName };
  /** An `AuditAction`, or an older id the window shows as stored. */
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | null;
  /** The changed record before and after, as stored (canonical JSON), for the row's details. */
  readonly before: string | null;
  readonly after: string | null;
}

/** The school's names and addresses, as printed on its copies. */
export interface SchoolDetailsView {
  readonly nameKy: string;
  readonly nameRu: string;
  readonly addressKy: string;
  readonly addressRu: string;
}

export interface SettingsView {
  /** Null only before setup has made the school. */
  readonly school: SchoolDetailsView | null;
  readonly defaultLanguage: LanguageCode;
  readonly documentLanguage: DocumentLanguage;
  readonly idleMinutes: number;
  readonly updateUrl: string | null;
  readonly kundoluk: {
    readonly mode: 'api' | 'file' | 'later';
    readonly url: string | null;
    readonly login: string | null;
  };
  readonly backupPassphraseSet: boolean;
  /** Whether a Kundoluk token is stored; the token itself never leaves the core. */
  readonly kundolukTokenSet: boolean;
  /** The role and the paths the sync asks Kundoluk with. */
  readonly kundolukService: KundolukService;
  /** The address, role and paths public clients use, for "restore the defaults". */
  readonly kundolukDefaults: { readonly url: string; readonly service: KundolukService };
  /** The journal rules the sync, the day-1 checks and the reports read now. */
  readonly journalRules: JournalRulesView;
  /** The same rules as the regulations set them, for "restore the regulation's values". */
  readonly regulationJournalRules: JournalRulesView;
  /** Each document kind's retention period and storage place (null: the school's archive). */
  readonly archiveDefaults: ArchiveDefaults;
  /** The usual periods, for "restore the usual periods". */
  readonly usualArchiveDefaults: ArchiveDefaults;
}

/** When a mark counts as late, per mark type, and the day-1 checks' own settings. */
export interface JournalRulesView {
  readonly markDeadlines: MarkDeadlines;
  readonly checkRules: CheckRules;
}

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobView {
  readonly id: string;
  readonly kind: string;
  readonly state: JobState;
  /** 0..1 */
  readonly progress: number;
  readonly message: string | null;
  /** What the job is at, for a screen that says more than a percentage (a sync's account and week). */
  readonly detail: Readonly<Record<string, string | number>> | null;
  readonly error: {
    readonly code: ErrorCode;
    readonly message: string;
    /** Where it went wrong (file, sheet, cell, row, field), when the core said so. */
    readonly details?: Readonly<Record<string, unknown>>;
  } | null;
  readonly result: unknown;
}

export type CloseItemKindName =
  | 'teacher_check'
  | 'backup'
  | 'class_print'
  | 'subject_signature'
  | 'title_certification'
  | 'handover'
  | 'director_signature'
  | 'stamp'
  | 'folder';
export type CloseItemStatusName = 'open' | 'done' | 'voided' | 'overridden';

export interface CloseItemView {
  readonly id: number;
  readonly day: number;
  readonly kind: CloseItemKindName;
  readonly status: CloseItemStatusName;
  readonly classId: number | null;
  readonly className: string | null;
  readonly subjectId: number | null;
  readonly subjectName: string | null;
  readonly teacherId: number | null;
  readonly teacherName: string | null;
  readonly findings: number | null;
  readonly doneAt: string | null;
  readonly signedOn: string | null;
  readonly voided: boolean;
}

export interface CloseDayView {
  readonly day: number;
  readonly completed: boolean;
  readonly completedAt: string | null;
  readonly override: { readonly reason: string; readonly at: string; readonly openItems: number } | null;
  readonly total: number;
  readonly done: number;
}

export interface CloseBoard {
  readonly closeId: number;
  readonly period: PeriodView;
  readonly status: 'open' | 'completed';
  readonly startedAt: string;
  readonly completedAt: string | null;
  readonly currentDay: number;
  readonly classes: readonly string[];
  readonly days: readonly CloseDayView[];
  readonly items: readonly CloseItemView[];
  /** Classes whose data changed after their copy was printed: print them again. */
  readonly changedSincePrint: readonly { readonly className: string; readonly changes: number }[];
  /** Staff the mirror knows as secretaries: who can receive the copies on day 5. */
  readonly secretaries: readonly { readonly id: number; readonly name: string }[];
}

export interface CloseOverview {
  /** Each period with the classes its close takes unless the deputy narrows them. */
  readonly periods: readonly (PeriodView & {
    readonly classes: readonly { readonly id: number; readonly name: string }[];
  })[];
  readonly closes: readonly {
    readonly id: number;
    readonly periodId: number;
    readonly status: 'open' | 'completed';
  }[];
}

/** A list the app printed (PDF and its XLSX twin) into its own folder. */
export interface CloseSheetView {
  readonly pdfPath: string;
  readonly xlsxPath: string;
  readonly folder: string;
  readonly pages: number;
  readonly shortHash: string;
}

/** The class copies a print job wrote: what each is, how many pages, and how to tell it apart. */
export interface PrintedCopiesView {
  readonly folder: string;
  readonly mergedPdfPath: string;
  readonly pages: number;
  readonly copies: readonly {
    readonly classId: number;
    readonly className: string;
    readonly documentId: string;
    readonly pages: number;
    readonly pdfPath: string;
    readonly xlsxPath: string;
    /** The first 12 hex digits of the PDF's SHA-256. */
    readonly shortHash: string;
    readonly outcome: 'printed' | 'reprinted' | 'unchanged';
    /** Signatures voided by a re-print, to be collected again. */
    readonly voided: number;
  }[];
}

/** A backup made for the close: its line in the backup register and where it lies. */
export interface CloseBackupView {
  readonly registerYear: number;
  readonly registerNumber: number;
  readonly backupPath: string;
  readonly bytes: number;
  readonly shortHash: string;
  readonly verified: boolean;
}

export interface CheckListView {
  readonly items: readonly {
    readonly teacherId: number;
    readonly teacherName: string;
    readonly classId: number;
    readonly className: string;
    readonly subjectId: number;
    readonly subjectName: string;
    /** Findings by rule id. */
    readonly byRule: Readonly<Partial<Record<CheckRuleId, number>>>;
    readonly total: number;
  }[];
  readonly totals: Readonly<Record<CheckRuleId, number>>;
}

/** A deputies' report as the core builds it (tables, chart hints, notes): plain JSON. */
export type {
  AnyReport as ReportView,
  ColumnDef as ReportColumnView,
  Localized,
  ReportChart as ReportChartView,
  ReportTable as ReportTableView,
} from './report-view';

export interface ReportCatalog {
  readonly reports: readonly {
    readonly name: string;
    readonly title: { readonly ky: string; readonly ru: string; readonly en: string };
    readonly description: { readonly ky: string; readonly ru: string; readonly en: string };
    /** Made for a period only (finals exist per period), never for a date range. */
    readonly periodOnly: boolean;
    /** The parameters the report reads: the screen shows only these filters. */
    readonly parameters: readonly string[];
  }[];
  readonly academicYear: string | null;
  /** The periods of the academic year, as report parameters name them (1–4, h1, h2, year). */
  readonly periods: readonly { readonly ref: string; readonly startsOn: string; readonly endsOn: string }[];
  readonly classes: readonly { readonly id: number; readonly name: string }[];
  readonly teachers: readonly { readonly id: number; readonly name: string }[];
  readonly subjects: readonly { readonly id: number; readonly nameKy: string; readonly nameRu: string }[];
  readonly documentLanguage: DocumentLanguage;
  /** What the core uses when a threshold is left empty. */
  readonly defaults: { readonly unexcusedThreshold: number; readonly minMarks: number };
}

/** Where an exported report was written. */
export interface ReportExportView {
  readonly path: string;
  readonly format: 'pdf' | 'xlsx';
  readonly pages: number | null;
}

export interface MirrorChangeView {
  readonly id: number;
  readonly seenAt: string;
  readonly kind: string;
  readonly entity: string;
  readonly className: string | null;
  readonly subject: { readonly ky: string; readonly ru: string } | null;
  readonly studentName: string | null;
  /** The lesson's date for lesson, mark and attendance changes; null for finals. */
  readonly lessonDate: string | null;
  readonly before: string | null;
  readonly after: string | null;
  /** The change touches a class period already printed and certified. */
  readonly certified: boolean;
}

export interface MirrorChangesView {
  /** How many changes match the filters (the list holds at most the requested limit, newest first). */
  readonly total: number;
  readonly changes: readonly MirrorChangeView[];
  readonly classes: readonly { readonly id: number; readonly name: string }[];
}
