/** Output shapes of the printed-documents commands: plain data. */

/** A recorded PDF as the window receives it: base64, since the contract carries JSON only. */
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
