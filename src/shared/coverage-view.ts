/** Who brought a class's subject: a sync source, or the syncs made before sources were recorded. */
export type CoverageSourceName = 'bundle' | 'workbook' | 'kundoluk' | 'earlier';

export interface CoverageSourceView {
  readonly source: CoverageSourceName;
  /** The Kundoluk account's or the file's name; empty for the earlier syncs. */
  readonly account: string;
  readonly syncedThrough: string;
}

/** One class's subject: the last day any source brought it (null: none ever did) and by whom. */
export interface CoverageRowView {
  readonly classId: number;
  readonly className: string;
  readonly subjectId: number;
  readonly subjectKy: string;
  readonly subjectRu: string;
  readonly syncedThrough: string | null;
  readonly sources: readonly CoverageSourceView[];
}

/** The coverage of a school year's classes × subjects, and the latest day any source reached. */
export interface CoverageView {
  readonly academicYear: string | null;
  readonly reachedThrough: string | null;
  readonly rows: readonly CoverageRowView[];
}
