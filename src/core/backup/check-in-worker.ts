import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { MoorError } from '../errors';
import type { IntegrityReply } from './integrity-worker';
import { checkDatabaseFile, type IntegrityCheck } from './sqlite-file';

/**
 * The integrity check of a large mirror takes seconds of one core; on a worker thread it runs
 * while the main thread encrypts and writes. The packaged app ships integrity-worker.js beside
 * this module; from TypeScript sources (CLI, tests) the worker registers tsx first.
 */
function startWorker(workerData: { path: string; where: string; check: IntegrityCheck }): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./integrity-worker.js', import.meta.url), { workerData });
  }
  const tsxRoot = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(path.join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./integrity-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/** checkDatabaseFile on a worker thread; where no worker can start, on this thread. */
export function checkDatabaseInWorker(
  file: string,
  where: string,
  check: IntegrityCheck,
): Promise<{ migrations: string[] }> {
  let worker: Worker;
  try {
    worker = startWorker({ path: file, where, check });
  } catch {
    return Promise.resolve().then(() => checkDatabaseFile(file, where, check));
  }
  return new Promise((resolve, reject) => {
    let answered = false;
    worker.once('message', (reply: IntegrityReply) => {
      answered = true;
      if (reply.ok) resolve({ migrations: reply.migrations });
      else reject(new MoorError(reply.code, reply.message, { where }));
    });
    worker.once('error', () => {
      // The worker could not run (e.g. its script is missing from a build): check here instead.
      answered = true;
      try {
        resolve(checkDatabaseFile(file, where, check));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    worker.once('exit', (code) => {
      if (!answered)
        reject(new MoorError('BACKUP_IO', `The integrity check stopped (exit code ${code}).`, { where }));
    });
  });
}
