import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import { pdfBytes } from './pdf-bytes';

/**
 * Opens PDF bytes with PDF.js, whose code is loaded only when a preview is first opened. The legacy
 * build is used because the generic one calls newer built-ins (Map.prototype.getOrInsertComputed)
 * that Electron 39's Chromium lacks. The worker is a file of the app itself (allowed by the CSP's
 * 'self'), and eval stays off: the CSP forbids it and the copies embed their fonts anyway.
 */
export async function openPdf(base64: string): Promise<PDFDocumentProxy> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  return pdfjs.getDocument({ data: pdfBytes(base64), isEvalSupported: false }).promise;
}
