/**
 * A laid-out page: everything placed, in points, with the origin at the top-left corner
 * (the PDF renderer flips the y axis). Tests read these to check what lands where.
 */
export interface PlacedText {
  readonly x: number;
  /** Baseline, from the top of the page. */
  readonly y: number;
  readonly size: number;
  readonly text: string;
  readonly bold: boolean;
}

export interface PlacedLine {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly width: number;
}

export interface PlacedBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PlacedQr {
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly text: string;
}

/** A word set diagonally across the page in light grey, under everything else ("DRAFT"). */
export interface PlacedWatermark {
  /** Where the word's baseline starts, from the top-left corner. */
  readonly x: number;
  readonly y: number;
  readonly size: number;
  /** Counter-clockwise, in degrees. */
  readonly angle: number;
  readonly text: string;
}

export interface Page {
  readonly width: number;
  readonly height: number;
  readonly sectionIndex: number;
  readonly texts: PlacedText[];
  readonly lines: PlacedLine[];
  /** Light grey fills, drawn under the text. */
  readonly boxes: PlacedBox[];
  qr?: PlacedQr;
  watermark?: PlacedWatermark;
}

export const A4 = { short: 595.28, long: 841.89 } as const;
