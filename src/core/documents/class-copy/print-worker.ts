import { parentPort } from 'node:worker_threads';
import { isMoorError } from '../../errors';
import type { ErrorCode } from '../../../shared/error-codes';
import type { DocumentSpec } from '../layout/model';
import { renderXlsx } from '../xlsx/render-xlsx';

/**
 * A print worker renders the workbooks of class copies whose PDFs the calling thread has drawn:
 * it is sent each copy's laid-out spec and answers with the XLSX bytes. It loads only the
 * workbook renderer, so it starts quickly, and runs on the second core while the PDFs go on.
 */
export interface WorkerRequest {
  readonly spec: DocumentSpec;
}

export type WorkerReply =
  | { readonly ok: true; readonly xlsx: Uint8Array }
  | { readonly ok: false; readonly code: ErrorCode; readonly message: string };

const port = parentPort;
if (port) {
  port.on('message', (request: WorkerRequest) => {
    renderXlsx(request.spec).then(
      (xlsx) => {
        // Sent without a copy, unless the bytes share their memory with others (Node's small-buffer pool).
        const owned =
          xlsx.byteLength === xlsx.buffer.byteLength ? xlsx : Uint8Array.prototype.slice.call(xlsx);
        port.postMessage({ ok: true, xlsx: owned } satisfies WorkerReply, [owned.buffer as ArrayBuffer]);
      },
      (error: unknown) => {
        port.postMessage({
          ok: false,
          code: isMoorError(error) ? error.code : 'INTERNAL',
          message: error instanceof Error ? error.message : String(error),
        } satisfies WorkerReply);
      },
    );
  });
}
