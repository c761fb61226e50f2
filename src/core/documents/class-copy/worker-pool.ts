import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { MoorError } from '../../errors';
import type { ClassCopyFiles, ClassCopyJob } from './class-copy-job';
import type { WorkerReply } from './print-worker';
import { startWorker } from '../../workers/start-worker';

/**
 * A print worker makes short-lived objects by the million (cells, text runs, XML strings). With a
 * young generation of 8 MB, two workers printing a whole school stay under 500 MB (about 40 MB less
 * than V8's default) for about 5 % more time.
 */
const PRINT_WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

/**
 * Runs class copy jobs on worker threads, one per core (at most `size`). From TypeScript sources
 * (the CLI under tsx, tests under vitest) each worker registers tsx first; compiled code needs none.
 */
export async function runInWorkers(
  mirrorPath: string,
  jobs: readonly ClassCopyJob[],
  options: {
    size?: number;
    signal?: AbortSignal;
    onResult: (files: ClassCopyFiles, job: ClassCopyJob) => void;
  },
): Promise<void> {
  const size = Math.max(1, Math.min(options.size ?? os.availableParallelism(), jobs.length));
  const workers = Array.from({ length: size }, () =>
    startWorker(import.meta.url, 'print-worker', { mirrorPath }, PRINT_WORKER_LIMITS),
  );
  const queue = [...jobs];
  try {
    await Promise.all(
      workers.map(async (worker) => {
        for (let job = queue.shift(); job !== undefined; job = queue.shift()) {
          if (options.signal?.aborted) throw cancelled();
          const files = await runOne(worker, job, options.signal);
          options.onResult(files, job);
        }
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function cancelled(): MoorError {
  return new MoorError('CANCELLED', 'Printing was cancelled; the copies finished so far are recorded.');
}

function runOne(worker: Worker, job: ClassCopyJob, signal: AbortSignal | undefined): Promise<ClassCopyFiles> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      signal?.removeEventListener('abort', onAbort);
    };
    const onMessage = (reply: WorkerReply) => {
      cleanup();
      if (reply.ok) resolve(reply.files);
      else reject(new MoorError(reply.code, reply.message, { classId: job.classId }));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(
        new MoorError('PRINT_WORKER_EXITED', `A print worker stopped (exit code ${code}).`, {
          classId: job.classId,
        }),
      );
    };
    const onAbort = () => {
      cleanup();
      reject(cancelled());
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.postMessage({ job });
  });
}
