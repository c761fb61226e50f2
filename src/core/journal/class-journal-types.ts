import type { AbsenceReason, Language, PeriodKind } from '../db/schema';

/**
 * The class journal of one class for one reporting period, as the paper copy shows it: the
 * students enrolled at any time in the period (with their join and leave dates), every subject
 * and subgroup with its lessons, marks, absences, period averages and finals, and the people who
 * sign. Plain JSON-friendly data: the class viewer and reports can reuse it, and its canonical
 * JSON is the data fingerprint of a printed copy.
 */
export interface ClassJournal {
  readonly school: { readonly nameKy: string; readonly nameRu: string; readonly documentLanguage: Language };
  readonly academicYear: { readonly id: number; readonly label: string; readonly startsOn: string };
  readonly period: {
    readonly id: number;
    readonly kind: PeriodKind;
    readonly number: number;
    readonly startsOn: string;
    readonly endsOn: string;
  };
  readonly class: ClassHeading;
  readonly classTeacher: Signatory | null;
  readonly deputy: Signatory | null;
  readonly director: Signatory | null;
  readonly students: readonly JournalStudent[];
  readonly subjects: readonly JournalSubject[];
  /** Missed lessons per student over all subjects of the period. */
  readonly absences: readonly StudentAbsences[];
}

/** The class a copy is of, as its heading names it, with the language it is taught in. */
export interface ClassHeading {
  readonly id: number;
  readonly grade: number;
  readonly letter: string;
  readonly language: Language;
}

export interface Signatory {
  readonly id: number;
  readonly fullName: string;
  readonly shortName: string;
}

export interface JournalStudent {
  readonly id: number;
  readonly fullName: string;
  readonly joinedOn: string;
  readonly leftOn: string | null;
}

export interface JournalLesson {
  readonly id: number;
  readonly date: string;
  readonly lessonNumber: number;
  readonly topic: string | null;
  readonly homework: string | null;
  readonly teacher: string;
  readonly isSubstitution: boolean;
}

export interface JournalEntry {
  readonly lessonId: number;
  readonly studentId: number;
  /** Marks given in that lesson, in the order they were entered. */
  readonly marks: readonly string[];
  readonly absence: AbsenceReason | null;
}

export interface JournalSubject {
  readonly subjectId: number;
  readonly nameKy: string;
  readonly nameRu: string;
  readonly shortKy: string;
  readonly shortRu: string;
  readonly subgroup: { readonly id: number; readonly name: string } | null;
  /** Who signs the subject's pages: the assigned teachers, or those who gave its lessons. */
  readonly teachers: readonly Signatory[];
  /** Students of the class (or subgroup) in this subject, in the class list order. */
  readonly studentIds: readonly number[];
  readonly lessons: readonly JournalLesson[];
  readonly entries: readonly JournalEntry[];
  /** Mean of the numeric marks of the period per student, or null without marks. */
  readonly averages: readonly { readonly studentId: number; readonly average: number | null }[];
  readonly finals: readonly { readonly studentId: number; readonly value: string | null }[];
}

export interface StudentAbsences {
  readonly studentId: number;
  readonly total: number;
  readonly ill: number;
  readonly excused: number;
  readonly unexcused: number;
  readonly late: number;
}
