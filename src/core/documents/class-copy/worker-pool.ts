import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { MoorError } from '../../errors';
import type { DocumentSpec } from '../layout/model';
import type { WorkerReply } from './print-worker';
import { startWorker } from '../../workers/start-worker';

/**
 * A print worker makes short-lived objects by the million (cells, XML strings). A young generation
 * of 8 MB keeps a whole school's print well under 500 MB for about 5 % more time.
 */
const PRINT_WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

/**
 * How many print workers a print starts when not told. One class is drawn on the calling thread
 * at once: starting a worker would cost more than its workbook. Several classes on a machine of
 * two or more cores: one worker renders the workbooks while the calling thread draws the PDFs.
 * Measured on this project's two-core machines (bench/print.bench.ts, whole school, alternated
 * rounds), one worker took the same CPU as none (23.2 s and 23.1 s for 3,515 pages) and less time
 * whenever the second core had room; two took 11 % more CPU for little more speed.
 */
export function workbookWorkerCount(requested: number | undefined, classes: number): number {
  if (requested !== undefined) return Math.min(requested, classes);
  return classes > 1 && os.availableParallelism() > 1 ? 1 : 0;
}

/**
 * Print workers that render workbooks (see print-worker.ts), started once for a whole print and
 * each given the next spec as it becomes free. From TypeScript sources (the CLI under tsx, tests
 * under vitest) each worker registers tsx first; the built app starts plain JavaScript.
 */
export class WorkbookWorkers {
  private readonly idle: Worker[];
  private readonly waiting: (() => void)[] = [];
  private readonly all: readonly Worker[];

  constructor(size: number) {
    this.all = Array.from({ length: size }, () =>
      startWorker(import.meta.url, 'print-worker', undefined, PRINT_WORKER_LIMITS),
    );
    this.idle = [...this.all];
  }

  async render(spec: DocumentSpec, classId: number): Promise<Uint8Array> {
    const worker = await this.take();
    try {
      return await renderOn(worker, spec, classId);
    } finally {
      this.give(worker);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }

  private async take(): Promise<Worker> {
    for (;;) {
      const worker = this.idle.pop();
      if (worker) return worker;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private give(worker: Worker): void {
    this.idle.push(worker);
    this.waiting.shift()?.();
  }
}

function renderOn(worker: Worker, spec: DocumentSpec, classId: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (reply: WorkerReply) => {
      cleanup();
      if (reply.ok) resolve(reply.xlsx);
      else reject(new MoorError(reply.code, reply.message, { classId }));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(
        new MoorError('PRINT_WORKER_EXITED', `A print worker stopped (exit code ${code}).`, { classId }),
      );
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ spec });
  });
}
