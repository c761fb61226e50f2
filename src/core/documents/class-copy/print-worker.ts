import { parentPort, workerData } from 'node:worker_threads';
import { openMirror } from '../../db/mirror';
import { isMoorError } from '../../errors';
import type { ErrorCode } from '../../../shared/error-codes';
import { renderClassCopyJob, type ClassCopyJob } from './class-copy-job';

/**
 * A print worker: opens the mirror read-only once and renders the class copies it is sent,
 * one at a time; the main thread records them. Runs on its own core.
 */
export interface WorkerRequest {
  readonly job: ClassCopyJob;
}

export type WorkerReply =
  | { readonly ok: true; readonly files: Awaited<ReturnType<typeof renderClassCopyJob>> }
  | { readonly ok: false; readonly code: ErrorCode; readonly message: string };

const port = parentPort;
if (port) {
  const { mirrorPath } = workerData as { mirrorPath: string };
  const mirror = openMirror(mirrorPath, { readonly: true });
  port.on('message', (request: WorkerRequest) => {
    renderClassCopyJob(mirror, request.job).then(
      (files) => {
        port.postMessage({ ok: true, files } satisfies WorkerReply);
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
