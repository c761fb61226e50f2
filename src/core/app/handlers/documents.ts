import { checkCopy } from '../../documents/records/check-copy';
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
  'documents.check': {
    access: 'documents.read',
    run(ctx, input) {
      return checkCopy(ctx.mirror, input.code);
    },
  },
} satisfies { [N in 'documents.pdf' | 'documents.check']: Handler<N> };
