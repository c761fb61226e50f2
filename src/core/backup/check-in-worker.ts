import type { Worker } from 'node:worker_threads';
import { MoorError } from '../errors';
import { startWorker } from '../workers/start-worker';
import type { IntegrityReply, IntegrityRequest } from './integrity-worker';
import { checkDatabaseFile, type IntegrityCheck } from './sqlite-file';

/** An integrity check on a worker thread, started before its file is ready so it is ready to run. */
export interface PendingCheck {
  /** Checks `file` and settles with its schema steps; rejects as checkDatabaseFile does. */
  run(file: string, where: string): Promise<{ migrations: string[] }>;
  /** Stops the worker if it was never given a file. */
  dismiss(): void;
}

/**
 * The integrity check of a large mirror takes a core for a good part of a second; on a worker
 * thread it runs while this thread encrypts, writes and reads back. Where no worker can start (or
 * its script is missing from a build), the check runs on this thread instead.
 */
export function prepareCheckInWorker(check: IntegrityCheck): PendingCheck {
  let worker: Worker | undefined;
  try {
    worker = startWorker(import.meta.url, 'integrity-worker', undefined);
  } catch {
    worker = undefined;
  }
  const started = worker;
  // Until it is given a file, a worker that fails to start must not count as an unhandled error.
  const failedToStart = new Promise<true>((resolve) => {
    started?.once('error', () => {
      resolve(true);
    });
  });
  return {
    run(file, where) {
      if (!started) return Promise.resolve().then(() => checkDatabaseFile(file, where, check));
      const request: IntegrityRequest = { path: file, where, check };
      return new Promise((resolve, reject) => {
        const inline = () => {
          try {
            resolve(checkDatabaseFile(file, where, check));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        };
        let answered = false;
        void failedToStart.then(() => {
          if (answered) return;
          answered = true;
          inline();
        });
        started.once('message', (reply: IntegrityReply) => {
          answered = true;
          if (reply.ok) resolve({ migrations: reply.migrations });
          else reject(new MoorError(reply.code, reply.message, { where }));
        });
        started.once('exit', (code) => {
          if (!answered)
            reject(new MoorError('BACKUP_IO', `The integrity check stopped (exit code ${code}).`, { where }));
        });
        started.postMessage(request);
      });
    },
    dismiss() {
      void started?.terminate();
    },
  };
}
