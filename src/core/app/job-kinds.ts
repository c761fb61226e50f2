import type { Actor } from '../auth/actor';
import type { Mirror } from '../db/mirror';
import { verifyAuditChain } from './jobs/audit-verify';
import { syncBundleJob, syncKundolukJob, syncWorkbookJob } from './jobs/sync-jobs';
import { exportReportJob, runReportJob } from './jobs/report-jobs';

/** What a job's body gets inside its worker thread. */
export interface JobScope {
  readonly mirror: Mirror;
  readonly actor: Actor;
  readonly params: unknown;
  /** fraction 0..1 and a short message code the UI translates. */
  progress(fraction: number, message?: string): void;
  /** True once the user pressed cancel: stop at the next safe point and throw JobCancelled. */
  cancelled(): boolean;
}

export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobCancelled';
  }
}

/** Every long job, by kind. Each runs off the UI's thread in a worker with its own connection. */
export const jobKinds = {
  'audit.verify': verifyAuditChain,
  'reports.run': runReportJob,
  'reports.export': exportReportJob,
  'sync.workbook': syncWorkbookJob,
  'sync.bundle': syncBundleJob,
  'sync.kundoluk': syncKundolukJob,
} as const satisfies Record<string, (scope: JobScope) => unknown>;

export type JobKind = keyof typeof jobKinds;
