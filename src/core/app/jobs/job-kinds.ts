import { verifyAuditChain } from './audit-verify';
import { syncBundleJob, syncKundolukJob, syncWorkbookJob } from './sync-jobs';
import { exportReportJob, runReportJob } from './report-jobs';
import type { JobScope } from './job-scope';

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
