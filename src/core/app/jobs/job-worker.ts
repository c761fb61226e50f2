import { parentPort, workerData } from 'node:worker_threads';
import type { Actor } from '../../auth/actor';
import type { ErrorCode } from '../../../shared/error-codes';
import { openMirror } from '../../db/mirror';
import { knownError } from '../../backup/drive-errors';
import { jobKinds, type JobKind } from './job-kinds';
import { JobCancelled } from './job-scope';
import type { SecretName } from '../../secrets/secret-store';

/** Messages a job worker sends to the runner. */
export type JobMessage =
  | {
      type: 'progress';
      fraction: number;
      message: string | null;
      detail?: Readonly<Record<string, string | number>>;
    }
  | { type: 'done'; result: unknown }
  | { type: 'cancelled' }
  | { type: 'failed'; code: ErrorCode; message: string; details?: Record<string, unknown> };

/** A secret the job renewed (a Kundoluk token after a 401), for the runner to keep in the store. */
export interface SecretMessage {
  type: 'secret';
  name: SecretName;
  value: string;
}

interface WorkerInput {
  dbPath: string;
  kind: JobKind;
  params: unknown;
  actor: Actor;
  cancelFlag: SharedArrayBuffer;
  secrets: Partial<Record<SecretName, string | null>>;
}

const input = workerData as WorkerInput;
const port = parentPort;
const send = (message: JobMessage | SecretMessage) => port?.postMessage(message);
const cancelFlag = new Int32Array(input.cancelFlag);

async function main(): Promise<void> {
  const mirror = openMirror(input.dbPath);
  try {
    // A job body may be synchronous or asynchronous.
    const result: unknown = await Promise.resolve(
      jobKinds[input.kind]({
        mirror,
        actor: input.actor,
        params: input.params,
        progress: (fraction, message, detail) => {
          send({ type: 'progress', fraction, message: message ?? null, ...(detail ? { detail } : {}) });
        },
        cancelled: () => Atomics.load(cancelFlag, 0) === 1,
        secret: (name) => input.secrets[name] ?? null,
        keepSecret: (name, value) => {
          send({ type: 'secret', name, value });
        },
      }),
    );
    send({ type: 'done', result });
  } catch (error) {
    const known = knownError(error);
    if (error instanceof JobCancelled) send({ type: 'cancelled' });
    else if (known)
      send({
        type: 'failed',
        code: known.code,
        message: known.message,
        ...(known.details ? { details: known.details } : {}),
      });
    else
      send({
        type: 'failed',
        code: 'INTERNAL',
        message: error instanceof Error ? error.message : String(error),
      });
  } finally {
    mirror.close();
  }
}

void main();
