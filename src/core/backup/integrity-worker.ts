import { parentPort } from 'node:worker_threads';
import { isMoorError } from '../errors';
import type { ErrorCode } from '../../shared/error-codes';
import { checkDatabaseFile, type IntegrityCheck } from './sqlite-file';

/** Runs SQLite's integrity check on a database file off the main thread (see check-in-worker.ts). */
export interface IntegrityRequest {
  path: string;
  where: string;
  check: IntegrityCheck;
}

export type IntegrityReply =
  { ok: true; migrations: string[] } | { ok: false; code: ErrorCode; message: string };

function check({ path, where, check }: IntegrityRequest): IntegrityReply {
  try {
    return { ok: true, migrations: checkDatabaseFile(path, where, check).migrations };
  } catch (error) {
    return isMoorError(error)
      ? { ok: false, code: error.code, message: error.message }
      : {
          ok: false,
          code: 'BACKUP_DAMAGED',
          message: error instanceof Error ? error.message : 'integrity check failed',
        };
  }
}

// One request a worker: the worker is started early, given its file once the file exists, and ends.
parentPort?.once('message', (request: IntegrityRequest) => {
  parentPort?.postMessage(check(request));
  parentPort?.close();
});
