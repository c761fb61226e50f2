/** Output shapes of the printed-documents commands: plain data. */

/** A recorded PDF as the window receives it: base64, since the contract carries JSON only. */
export interface DocumentPdfView {
  readonly documentId: string;
  readonly pages: number;
  readonly base64: string;
}
