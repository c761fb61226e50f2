import path from 'node:path';
import type { Mirror } from '../../db/mirror';
import { findReport } from '../../reports/definitions';
import { requirePeriod } from '../../reports/finals';
import type { ReportParams } from '../../../shared/report-params';
import { resolveScope } from '../../reports/scope';
import type { Handler } from '../handler';
import type { ExportJobParams, ReportJobParams } from '../jobs/report-jobs';
import { mirrorChanges } from '../read/changes';
import { reportCatalog } from '../read/reports';
import { assertExportFolder, exportFileFormat } from './export-path';

/**
 * Checked before a job starts, so a wrong name or an impossible scope is answered at once, in
 * the form, rather than as a failed job.
 */
function checkRequest(mirror: Mirror, name: string, params: ReportParams): void {
  const definition = findReport(name);
  const scope = resolveScope(mirror, params);
  if (definition.periodOnly) requirePeriod(scope, name);
}

/** "achievement-3-ky.xlsx", "attendance-2025-11-01_2025-11-30-ru.pdf": what the file holds. */
function exportFileName(name: string, params: ReportParams, language: string, format: string): string {
  const scope = params.period ?? `${params.from ?? ''}_${params.to ?? ''}`;
  return `${name}-${scope}-${language}.${format}`;
}

function exportTarget(
  destination: { kind: 'folder'; folder: string } | { kind: 'file'; file: string },
  fileName: string,
  format: 'pdf' | 'xlsx',
): string {
  if (destination.kind === 'file') {
    exportFileFormat(destination.file, [format], 'file');
    return destination.file;
  }
  const folder = path.resolve(destination.folder);
  assertExportFolder(folder, 'folder');
  return path.join(folder, fileName);
}

/** The deputies' reports and the changes the mirror saw, through the contract. */
export const reportHandlers = {
  'reports.catalog': { access: 'reports.read', run: (ctx) => reportCatalog(ctx.mirror) },
  'reports.run': {
    access: 'reports.read',
    run(ctx, input) {
      checkRequest(ctx.mirror, input.name, input.params);
      const params: ReportJobParams = { ...input, now: ctx.clock().toISOString() };
      return ctx.jobs.start('reports.run', params, ctx.actor);
    },
  },
  'reports.export': {
    access: 'reports.read',
    run(ctx, input) {
      checkRequest(ctx.mirror, input.name, input.params);
      const fileName = exportFileName(input.name, input.params, input.language, input.format);
      const params: ExportJobParams = {
        name: input.name,
        params: input.params,
        now: ctx.clock().toISOString(),
        language: input.language,
        target: exportTarget(input.destination, fileName, input.format),
      };
      return ctx.jobs.start('reports.export', params, ctx.actor);
    },
  },
  'changes.list': {
    access: 'reports.read',
    run: (ctx, input) => mirrorChanges(ctx.mirror, input),
  },
} as const satisfies {
  [N in 'reports.catalog' | 'reports.run' | 'reports.export' | 'changes.list']: Handler<N>;
};
