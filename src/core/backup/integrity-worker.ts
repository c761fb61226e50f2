import { parentPort, workerData } from 'node:worker_threads';
import { isMoorError } from '../errors';
import { checkDatabaseFile, type IntegrityCheck } from './sqlite-file';

/** Runs SQLite's integrity check on a database file off the main thread (see check-in-worker.ts). */
export type IntegrityReply =
  { ok: true; migrations: string[] } | { ok: false; code: string; message: string };

const { path, where, check } = workerData as { path: string; where: string; check: IntegrityCheck };
let reply: IntegrityReply;
try {
  reply = { ok: true, migrations: checkDatabaseFile(path, where, check).migrations };
} catch (error) {
  reply = isMoorError(error)
    ? { ok: false, code: error.code, message: error.message }
    : {
        ok: false,
        code: 'BACKUP_DAMAGED',
        message: error instanceof Error ? error.message : 'integrity check failed',
      };
}
parentPort?.postMessage(reply);
