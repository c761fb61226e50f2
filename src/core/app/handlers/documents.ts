import { readRecordedPdf } from '../../documents/records/recorded-pdf';
import type { Handler } from '../handler';

/** Printed documents through the contract: the recorded PDF of a copy, for its preview on screen. */
export const documentHandlers = {
  'documents.pdf': {
    access: 'documents.read',
    run(ctx, input) {
      const pdf = readRecordedPdf(ctx.mirror, input.documentId);
      return { documentId: pdf.documentId, pages: pdf.pages, base64: pdf.bytes.toString('base64') };
    },
  },
} satisfies { [N in 'documents.pdf']: Handler<N> };
