import type { CheckRuleId } from '../../checks/finding';
import type { CloseItemView } from '../../../shared/views';
import type { NounForms } from './counted-noun';
import type { ReportWords } from './report-words';

/** A register's columns: the header and its share of the printable width. */
export type RegisterColumns = readonly {
  readonly header: string;
  readonly weight: number;
  readonly align?: 'left' | 'center' | 'right';
}[];

type PeriodKind = 'quarter' | 'half_year' | 'year';

/** The class copy's and the year-end summary sheet's words, in the school's own terms (docs/domain.md, "Words"). */
export interface DocumentLabels {
  readonly pageLabel: string;
  readonly captions: { readonly signature: string; readonly name: string; readonly date: string };
  /** Where the school's seal goes (place of the seal). */
  readonly seal: string;
  readonly school: string;
  readonly klass: string;
  readonly academicYear: string;
  readonly period: string;
  readonly classTeacher: string;
  readonly deputy: string;
  readonly director: string;
  readonly subjectTeacher: string;
  readonly subject: string;
  /** The contents table's column of pages. */
  readonly pages: string;
  /** The secretary's certification for the binding, with the number of sheets and the noun agreed ("43 листа"). */
  readonly sheetCertification: (sheets: string) => string;
  /** "Sheet" as the certification counts them. */
  readonly sheetNoun: NounForms;
  readonly secretary: string;
  readonly titleCopy: string;
  /** The class teacher certifies that the copy is true to the journal. */
  readonly classCertification: string;
  /** The deputy has checked the copy. */
  readonly deputyCertification: string;
  /** The director certifies the copy (a copy is certified, not approved). */
  readonly directorSignOff: string;
  readonly number: string;
  readonly student: string;
  readonly average: string;
  readonly final: string;
  readonly date: string;
  readonly topic: string;
  readonly homework: string;
  readonly teacher: string;
  readonly substitution: string;
  readonly substitutionMark: string;
  readonly marks: string;
  readonly lessons: string;
  readonly finals: string;
  /** "The finals of the 1st quarter": the period by name. */
  readonly finalsTitle: (kind: PeriodKind, number: number) => string;
  /**
   * A quarter copy of a class marked by half-year, where it prints no finals: the class is marked
   * by half-year, and when that half-year's finals come (`endsHere`: this quarter ends it, and
   * they are not given yet).
   */
  readonly markedByHalfYear: (halfYear: number, endsHere: boolean) => string;
  readonly absences: string;
  readonly absencesTitle: string;
  readonly absencesTotal: string;
  /** Over the month columns of the absences. */
  readonly absencesByMonth: string;
  /** Over the Б / У / Н columns of the absences. */
  readonly absencesByReason: string;
  /** The class's totals row. */
  readonly classTotal: string;
  readonly absenceIll: string;
  readonly absenceExcused: string;
  readonly absenceUnexcused: string;
  readonly late: string;
  readonly left: string;
  readonly joined: string;
  readonly subgroup: string;
  readonly noLessons: string;
  readonly yearSummaryTitle: string;
  /** The year mark's column. */
  readonly yearMark: string;
  /** A half-year's column in the summary sheet ("I ж/ж"). */
  readonly halfYearColumn: (roman: string) => string;
  /** Across every page of a sheet printed with finals missing. */
  readonly draft: string;
  /** Under a draft's heading: why it is one, and that it is not certified. */
  readonly draftNote: (missing: number) => string;
  readonly counts: string;
  readonly excellent: string;
  readonly goodAndExcellent: string;
  readonly withTwo: string;
  readonly studentsTotal: string;
  readonly pageSignature: string;
  readonly months: readonly string[];
  readonly periodName: (kind: PeriodKind, number: number) => string;
  readonly className: (grade: number, letter: string) => string;
  /** "2025–2026-окуу жылы" from the year's label "2025-2026". */
  readonly schoolYear: (label: string) => string;
  /** The audit chain's head ("123:0f3a…") with its legend, on title pages and register prints. */
  readonly auditHead: (head: string) => string;
  /** The head kept in a backup register line. */
  readonly auditHeadShort: (head: string) => string;
}

/** The day-1 check list's words. */
export interface ChecklistWords {
  readonly title: string;
  readonly teacher: string;
  readonly nothingFound: string;
  readonly findings: (count: number) => string;
  readonly columns: {
    readonly number: string;
    readonly what: string;
    readonly who: string;
    readonly date: string;
    readonly value: string;
    readonly against: string;
  };
  readonly lesson: string;
  readonly marks: (count: string) => string;
  readonly average: (reference: string) => string;
  readonly entered: (at: string, deadline: string) => string;
  readonly changedOn: (at: string) => string;
  readonly removedSeen: (at: string) => string;
  readonly taughtBy: (name: string) => string;
  /** A class's subject brought by no source past this day (the check "not synced"). */
  readonly syncedThrough: (day: string) => string;
  readonly neverSynced: string;
  readonly checked: string;
  readonly deputy: string;
  readonly rules: Readonly<Record<CheckRuleId, string>>;
}

/** The registers' and the folder inventory's words. */
export interface RegisterWords {
  readonly yes: string;
  readonly no: string;
  readonly secretary: string;
  readonly director: string;
  readonly yearLine: (year: number) => string;
  readonly archiveTitle: string;
  readonly archiveColumns: RegisterColumns;
  readonly backupTitle: string;
  readonly backupColumns: RegisterColumns;
  /** The unit of a backup's size. */
  readonly megabytes: string;
  readonly verifiedOk: string;
  readonly failed: string;
  readonly unfinished: string;
  /** Why a backup failed, by the code the register keeps; another code is printed as it is. */
  readonly failureReasons: Readonly<Record<string, string>>;
  readonly useTitle: string;
  readonly useColumns: RegisterColumns;
  readonly restore: string;
  readonly inspect: string;
  readonly handoverTitle: string;
  readonly handoverColumns: RegisterColumns;
  readonly inventoryTitle: string;
  readonly inventoryColumns: RegisterColumns;
  readonly inventoryFolders: (list: string) => string;
  readonly inventoryPages: (count: number) => string;
  readonly inventoryMissing: (classes: string) => string;
  /** The storage place of an archive line when the school has named none. */
  readonly schoolArchive: string;
  /** A filed register's retention and place, as its case cover gives them. */
  readonly keptFor: (years: number, place: string) => string;
}

/** The printable signature tracker of days 3 and 4. */
export interface SignatureSheetWords {
  readonly title: string;
  readonly outstandingTitle: string;
  readonly teacher: string;
  readonly titlePage: string;
  readonly columns: RegisterColumns;
  readonly status: Readonly<Record<CloseItemView['status'], string>>;
  /** A title page's status once the class teacher has certified it. */
  readonly certified: string;
  readonly deputy: string;
  readonly nothing: string;
}

/** What a copy says about its own print: its dates, the copy it replaces and why, the note left beside a replaced copy. */
export interface ReprintWords {
  readonly printedOn: string;
  readonly dataAsOf: string;
  /** The field's value: the data as of the last sync. */
  readonly asOf: (at: string) => string;
  readonly neverSynced: string;
  readonly replaces: (id: string) => string;
  /** "Because, after it was printed, the journal changed: Математика: 2 баа, 1 сабак; …". */
  readonly changed: (list: string) => string;
  readonly changeCounts: {
    readonly marks: (count: number) => string;
    readonly finals: (count: number) => string;
    readonly attendance: (count: number) => string;
    readonly lessons: (count: number) => string;
  };
  /** Changes the mirror could not tie to a subject. */
  readonly noSubject: string;
  /** The data differs, but the mirror recorded no correction: entries were added. */
  readonly added: string;
  /** Same data, new layout. */
  readonly sameData: string;
  /** The note beside a replaced copy's files. */
  readonly supersededTitle: string;
  readonly supersededBy: (oldId: string, newId: string, printedOn: string) => string;
  readonly supersededKept: string;
}

/**
 * Every word Мөөр prints, for one edition (Kyrgyz or Russian): one file per edition, typed by
 * this one shape, so a school's reader reviews them in one place and a missing word does not
 * compile.
 */
export interface PrintedWords {
  readonly document: DocumentLabels;
  readonly checklist: ChecklistWords;
  readonly registers: RegisterWords;
  readonly signatureSheet: SignatureSheetWords;
  readonly reprint: ReprintWords;
  readonly reports: ReportWords;
}
