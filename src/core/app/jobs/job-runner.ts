import { randomUUID } from 'node:crypto';
import type { Actor } from '../../auth/actor';
import { knownError } from '../../backup/drive-errors';
import { MoorError } from '../../errors';
import type { JobView } from '../../../shared/views';
import type { JobKind } from './job-kinds';
import type { JobMessage, SecretMessage } from './job-worker';
import type { SecretName, SecretStore } from '../../secrets/secret-store';
import { log } from '../../log/log';
import { startWorker } from '../../workers/start-worker';

interface Job {
  view: JobView;
  ownerId: string;
  cancel(): void;
  stop(): Promise<unknown>;
}

/** A long job that runs in this process but does its heavy work in worker threads of its own. */
export type Task = (scope: {
  signal: AbortSignal;
  progress(fraction: number, message?: string): void;
}) => Promise<unknown>;

function runningView(id: string, kind: string): JobView {
  return { id, kind, state: 'running', progress: 0, message: null, detail: null, error: null, result: null };
}

/** How long a cancelled job may take to reach a safe point before its worker is stopped. */
const CANCEL_GRACE_MS = 5000;

/**
 * Runs long jobs (printing a school, backups, verification) in worker threads, so neither the
 * window nor the contract waits on them. Each job has progress the UI polls, and can be cancelled:
 * the worker sees a shared flag and stops at its next safe point.
 */
export class JobRunner {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly dbPath: string,
    private readonly secrets: SecretStore,
  ) {}

  /**
   * `lend` names the secrets the job needs (the Kundoluk token): they go to its worker beside the
   * parameters, never in them, so no job view or log line carries them; a renewed one comes back.
   */
  start(kind: JobKind, params: unknown, actor: Actor, lend: readonly SecretName[] = []): JobView {
    const id = randomUUID();
    const cancelBuffer = new SharedArrayBuffer(4);
    const worker = startWorker(import.meta.url, 'job-worker', {
      dbPath: this.dbPath,
      kind,
      params,
      actor,
      cancelFlag: cancelBuffer,
      secrets: Object.fromEntries(lend.map((name) => [name, this.secrets.get(name)])),
    });
    const cancelFlag = new Int32Array(cancelBuffer);
    const job: Job = {
      view: runningView(id, kind),
      ownerId: actor.userId,
      cancel: () => {
        Atomics.store(cancelFlag, 0, 1);
        setTimeout(() => {
          if (job.view.state === 'running') void worker.terminate();
        }, CANCEL_GRACE_MS).unref();
      },
      stop: () => worker.terminate(),
    };
    this.jobs.set(id, job);
    worker.on('message', (message: JobMessage | SecretMessage) => {
      if (message.type !== 'secret') this.apply(job, message);
      else if (lend.includes(message.name)) this.secrets.set(message.name, message.value);
    });
    worker.on('error', (error) => {
      this.apply(job, { type: 'failed', code: 'INTERNAL', message: error.message });
    });
    worker.on('exit', () => {
      if (job.view.state === 'running') {
        const cancelled = Atomics.load(cancelFlag, 0) === 1;
        this.apply(
          job,
          cancelled ? { type: 'cancelled' } : { type: 'failed', code: 'JOB_DIED', message: 'stopped' },
        );
      }
    });
    return job.view;
  }

  /** A task (printing, backup) whose module already spreads its work over worker threads. */
  startTask(kind: string, actor: Actor, task: Task): JobView {
    const id = randomUUID();
    const controller = new AbortController();
    let settled: Promise<unknown> = Promise.resolve();
    const job: Job = {
      view: runningView(id, kind),
      ownerId: actor.userId,
      cancel: () => {
        controller.abort();
      },
      stop: () => {
        controller.abort();
        return settled;
      },
    };
    this.jobs.set(id, job);
    settled = task({
      signal: controller.signal,
      progress: (fraction, message) => {
        this.apply(job, { type: 'progress', fraction, message: message ?? null });
      },
    }).then(
      (result) => {
        this.apply(job, { type: 'done', result });
      },
      (error: unknown) => {
        const known = knownError(error);
        if (controller.signal.aborted) this.apply(job, { type: 'cancelled' });
        else if (known)
          this.apply(job, {
            type: 'failed',
            code: known.code,
            message: known.message,
            ...(known.details ? { details: known.details } : {}),
          });
        else
          this.apply(job, {
            type: 'failed',
            code: 'INTERNAL',
            message: error instanceof Error ? error.message : String(error),
          });
      },
    );
    return job.view;
  }

  get(id: string, actor: Actor): JobView {
    return this.find(id, actor).view;
  }

  cancel(id: string, actor: Actor): JobView {
    const job = this.find(id, actor);
    if (job.view.state === 'running') job.cancel();
    return job.view;
  }

  /** Resolves when the job is no longer running (for callers that must wait, such as tests and the CLI). */
  async settled(id: string, actor: Actor): Promise<JobView> {
    const job = this.find(id, actor);
    while (job.view.state === 'running') await new Promise((resolve) => setTimeout(resolve, 20));
    return job.view;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((job) => job.stop().catch(() => undefined)));
  }

  private find(id: string, actor: Actor): Job {
    const job = this.jobs.get(id);
    // Another user's job is as invisible as a job that does not exist.
    if (!job || job.ownerId !== actor.userId) throw new MoorError('JOB_NOT_FOUND', `No job ${id}.`);
    return job;
  }

  private apply(job: Job, message: JobMessage): void {
    if (job.view.state !== 'running') return;
    const view = job.view;
    switch (message.type) {
      case 'progress':
        job.view = {
          ...view,
          progress: Math.min(1, Math.max(0, message.fraction)),
          message: message.message,
          detail: message.detail ?? null,
        };
        return;
      case 'done':
        job.view = { ...view, state: 'done', progress: 1, result: message.result };
        break;
      case 'cancelled':
        job.view = { ...view, state: 'cancelled' };
        break;
      case 'failed':
        job.view = {
          ...view,
          state: 'failed',
          error: {
            code: message.code,
            message: message.message,
            ...(message.details ? { details: message.details } : {}),
          },
        };
        break;
    }
    log.info(`job ${view.kind} ${job.view.state}`, { error: job.view.error });
  }
}
