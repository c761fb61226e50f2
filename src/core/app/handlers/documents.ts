import { checkCopy } from '../../documents/records/check-copy';
import { readPrintablePdf } from '../../documents/records/printable-pdf';
import { readRecordedPdf } from '../../documents/records/recorded-pdf';
import type { Handler } from '../handler';

/** Printed documents through the contract: a copy's recorded PDF for its preview, a page's code checked. */
export const documentHandlers = {
  'documents.pdf': {
    access: 'documents.read',
    run(ctx, input) {
      const pdf = readRecordedPdf(ctx.mirror, input.documentId);
      return { documentId: pdf.documentId, pages: pdf.pages, base64: pdf.bytes.toString('base64') };
    },
  },
  'documents.printable': {
    access: 'documents.read',
    run(ctx, input) {
      return { base64: readPrintablePdf(ctx.dataDir, input.pdfPath).toString('base64') };
    },
  },
  'documents.check': {
    access: 'documents.read',
    run(ctx, input) {
      return checkCopy(ctx.mirror, input.code);
    },
  },
} satisfies { [N in 'documents.pdf' | 'documents.printable' | 'documents.check']: Handler<N> };
