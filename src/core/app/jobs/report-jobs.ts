import { z } from 'zod';
import { fixedClock } from '../../clock';
import { runReport } from '../../reports/definitions';
import { exportReport } from '../../reports/export-document';
import { reportParamsSchema } from '../../../shared/report-params';
import type { AnyReport } from '../../reports/report-types';
import { schoolNameIn } from '../../settings/school';
import type { ReportExportView } from '../../../shared/views';
import { JobCancelled, type JobScope } from './job-scope';

/**
 * What the handlers hand a report job. "now" is the app's clock at the request, so a report built
 * in a worker counts "today" (forecasts, lessons planned so far) exactly as the app does.
 */
export const reportJobParams = z.object({
  name: z.string(),
  params: reportParamsSchema,
  now: z.iso.datetime(),
});
export type ReportJobParams = z.infer<typeof reportJobParams>;

export const exportJobParams = reportJobParams.extend({
  target: z.string().min(1),
  language: z.enum(['ky', 'ru']),
});
export type ExportJobParams = z.infer<typeof exportJobParams>;

function build(scope: JobScope, job: ReportJobParams): AnyReport {
  scope.progress(0.05, 'job.report.reading');
  const report = runReport(scope.mirror, scope.actor, job.name, job.params, fixedClock(job.now));
  if (scope.cancelled()) throw new JobCancelled();
  return report;
}

/** Builds one report off the window's thread; the result is the report's plain JSON. */
export function runReportJob(scope: JobScope): AnyReport {
  return build(scope, reportJobParams.parse(scope.params));
}

/** Builds one report and writes it as PDF or Excel, whole or not at all. */
export async function exportReportJob(scope: JobScope): Promise<ReportExportView> {
  const job = exportJobParams.parse(scope.params);
  // The document's language is the report's too: its totals line and its names print in it, not
  // in the school's language.
  const report = build(scope, { ...job, params: { ...job.params, language: job.language } });
  scope.progress(0.6, 'job.report.writing');
  const written = await exportReport(
    report,
    job.target,
    job.language,
    schoolNameIn(scope.mirror, job.language),
  );
  return { path: written.path, format: written.format === 'pdf' ? 'pdf' : 'xlsx', pages: written.pages };
}
