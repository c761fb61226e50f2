/**
 * The layout model: what a printed document says, before it is placed on pages. Builders
 * (class copy, year summary, registers) produce a `DocumentSpec`; the paginator turns it into
 * pages for the PDF renderer and the XLSX renderer writes the same sections as worksheets, so
 * both files carry the same content.
 */
export type Orientation = 'portrait' | 'landscape';
export type Align = 'left' | 'center' | 'right';

/** A cell: text, or a number the spreadsheet keeps as a number (marks, averages, counts). */
export type CellValue = string | number | null;

export interface Cell {
  readonly value: CellValue;
  /** How a number is printed (e.g. 2 decimals for averages); text is printed as is. */
  readonly decimals?: number;
  readonly bold?: boolean;
  /** A light grey background: days after a student left, totals. */
  readonly shaded?: boolean;
}

export interface Column {
  readonly header: string;
  /** Width in points; with `grow`, the minimum width. */
  readonly width: number;
  /** Share of the page width left over once fixed widths are placed (registers use weights only). */
  readonly grow?: number;
  readonly align?: Align;
  /** Repeated at the left of every page when the columns do not fit across one page. */
  readonly repeat?: boolean;
  /** Consecutive columns with the same group get one spanning header above them (month names). */
  readonly group?: string;
}

export interface TableBlock {
  readonly kind: 'table';
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
  /** Font size of the body; long text wraps, or shrinks down to `minFontSize` when it fits on one line. */
  readonly fontSize: number;
  readonly minFontSize?: number;
  /** A group of columns (a subject's periods) always stays on one page, even when that takes more pages. */
  readonly keepGroups?: boolean;
}

export interface TextBlock {
  readonly kind: 'text';
  readonly text: string;
  readonly size: number;
  readonly bold?: boolean;
  readonly align?: Align;
}

export interface FieldsBlock {
  readonly kind: 'fields';
  readonly size: number;
  readonly fields: readonly { readonly label: string; readonly value: string }[];
}

/** A certification: role, a line to sign, the name that decodes the signature, a date line. */
export interface Signature {
  readonly role: string;
  readonly name: string;
  readonly withDate: boolean;
  /** Place for the school seal ("М.П.") next to the signature. */
  readonly seal?: string;
}

export interface SignaturesBlock {
  readonly kind: 'signatures';
  readonly size: number;
  readonly signatures: readonly Signature[];
  /** Printed words for "signature", "date" under the lines. */
  readonly captions: { readonly signature: string; readonly name: string; readonly date: string };
}

export interface SpaceBlock {
  readonly kind: 'space';
  readonly height: number;
}

export type Block = TableBlock | TextBlock | FieldsBlock | SignaturesBlock | SpaceBlock;

export interface Section {
  /** Worksheet name in the XLSX (shortened and made unique there). */
  readonly sheetName: string;
  readonly orientation: Orientation;
  /** Lines repeated at the top of every page of the section (which class, subject, period). */
  readonly pageHeader: readonly string[];
  /** Lines repeated above the footer of every page: the subject teacher's signature with date. */
  readonly pageSignature?: string;
  readonly blocks: readonly Block[];
}

export interface DocumentSpec {
  /** The document id printed on every page and stored with the document record. */
  readonly id: string;
  /** A short hash of the data printed on every page and in the QR code. */
  readonly shortHash: string;
  readonly title: string;
  readonly language: 'ky' | 'ru';
  /** ISO instant from the document record: the only date in the files, so re-rendering is byte-identical. */
  readonly createdAt: string;
  /** "page {n} of {N}" in the document's language; {n} and {N} are replaced. */
  readonly pageLabel: string;
  readonly sections: readonly Section[];
  /** A word printed across every page, for a paper that is not the document yet ("DRAFT"). */
  readonly watermark?: string;
}
