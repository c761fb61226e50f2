/** Output shapes of the printed-documents commands: plain data. */

/** A recorded PDF as the window receives it: base64, since the contract carries JSON only. */
/** A PDF's bytes, to be opened for printing. */
export interface PrintablePdfView {
  readonly base64: string;
}

export interface DocumentPdfView {
  readonly documentId: string;
  readonly pages: number;
  readonly base64: string;
}

/** A year-end summary sheet in force (not superseded) and the director's signature on it, if any. */
export interface YearSummarySheetView {
  readonly classId: number;
  readonly className: string;
  readonly documentId: string;
  readonly language: 'ky' | 'ru';
  readonly pages: number;
  readonly shortHash: string;
  readonly printedAt: string;
  /** Printed with finals missing: a draft, which the director does not sign. */
  readonly draft: boolean;
  readonly signedOn: string | null;
  readonly signedBy: string | null;
  /** Received into the archive: its archive register line exists. */
  readonly filed: boolean;
}

/** The summary-sheet card: the years to choose from, the chosen year's classes and its sheets. */
export interface YearSummarySheetsView {
  readonly years: readonly { readonly id: number; readonly label: string }[];
  /** The year shown: the one asked for, or the latest with classes; null when the mirror has none. */
  readonly academicYearId: number | null;
  readonly classes: readonly { readonly id: number; readonly name: string }[];
  readonly sheets: readonly YearSummarySheetView[];
}

/** What a summary print job answers: the folder and, per class, the sheet written. */
export interface PrintedYearSummariesView {
  readonly folder: string;
  readonly sheets: readonly {
    readonly classId: number;
    readonly className: string;
    readonly documentId: string;
    readonly pages: number;
    readonly shortHash: string;
    readonly pdfPath: string;
    /** True when the data had not changed: the recorded sheet again, byte for byte. */
    readonly reprint: boolean;
  }[];
}

/** A printed page's code checked against the records: which copy and page, and where it stands. */
export interface CopyCheckView {
  readonly documentId: string;
  readonly kind: 'class_copy' | 'year_summary' | 'register';
  readonly language: 'ky' | 'ru';
  /** "8А"; null for a school-wide document. */
  readonly className: string | null;
  readonly academicYear: string | null;
  readonly period: { readonly kind: 'quarter' | 'half_year' | 'year'; readonly number: number } | null;
  /** The page the code names (a QR code always does; a typed code may not). */
  readonly page: number | null;
  readonly pages: number;
  /** current: the copy in force; superseded: a newer print replaced it; voided: its close was cancelled. */
  readonly status: 'current' | 'superseded' | 'voided';
  /** The print that replaced it, and the one in force now at the end of the chain. */
  readonly supersededBy: string | null;
  readonly currentId: string | null;
  readonly printedAt: string;
  /** The last sync before printing; null when not recorded. */
  readonly dataAsOf: string | null;
  /** Entries of its class and period the mirror saw change after it was printed. */
  readonly changesSincePrint: number;
  /** Its line in the archive register; null while not filed. */
  readonly archive: {
    readonly year: number;
    readonly number: number;
    readonly folderNumber: string | null;
    readonly storagePlace: string | null;
    readonly retentionUntil: string | null;
    readonly stitched: boolean;
  } | null;
}
