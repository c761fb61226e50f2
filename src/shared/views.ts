/** Output shapes of the contract: plain data, serialisable over IPC and HTTP. */

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
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | null;
  readonly summary: string;
}

export interface SettingsView {
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
}

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobView {
  readonly id: string;
  readonly kind: string;
  readonly state: JobState;
  /** 0..1 */
  readonly progress: number;
  readonly message: string | null;
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly result: unknown;
}
