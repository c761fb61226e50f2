import { fileYearSummaries } from '../../documents/year-summary/file-year-summaries';
import { documentById } from '../../documents/records/document-store';
import path from 'node:path';
import { printYearSummaries } from '../../documents/year-summary/print-year-summaries';
import { signOffYearSummaries } from '../../documents/year-summary/sign-off-year-summary';
import { summaryYears } from '../../documents/year-summary/summary-years';
import { MoorError } from '../../errors';
import type { Handler } from '../handler';
import { printedYearSummariesView, yearSummarySheets } from '../read/year-summary-sheets';
import { assertExportFolder } from './export-path';

/**
 * The year-end summary sheets through the contract: the deputy prints them into a folder, as a
 * job; the director records signing them. The core modules check the role again and audit.
 */
export const yearSummaryHandlers = {
  'summary.sheets': {
    access: 'documents.read',
    run: (ctx, input) => yearSummarySheets(ctx.mirror, input.academicYearId),
  },
  'summary.print': {
    access: 'documents.print',
    run(ctx, input) {
      // Checked before the job starts, so the form hears of a wrong year or folder at once.
      if (!summaryYears(ctx.mirror).some((y) => y.id === input.academicYearId)) {
        throw new MoorError(
          'PERIOD_NOT_FOUND',
          `There is no school year ${input.academicYearId} with classes.`,
          {
            field: 'academicYearId',
          },
        );
      }
      const folder = path.resolve(input.folder);
      assertExportFolder(folder, 'folder');
      return ctx.jobs.startTask('summary.print', ctx.actor, async (scope) =>
        printedYearSummariesView(
          folder,
          await printYearSummaries(ctx.mirror, {
            academicYearId: input.academicYearId,
            classIds: input.classIds,
            ...(input.language === undefined ? {} : { language: input.language }),
            draftWhenIncomplete: input.draftWhenIncomplete,
            outDir: folder,
            actor: ctx.actor,
            clock: ctx.clock,
            signal: scope.signal,
            onProgress: (p) => {
              scope.progress(p.total === 0 ? 1 : p.done / p.total, p.className);
            },
          }),
        ),
      );
    },
  },
  'summary.signOff': {
    access: 'documents.signOff',
    run(ctx, input) {
      signOffYearSummaries(ctx.mirror, input, ctx.actor, ctx.clock);
      const sheet = ctx.mirror.first(
        ctx.mirror.db
          .selectFrom('document')
          .select('academic_year_id')
          .where('id', '=', input.documentIds[0] ?? ''),
      );
      return yearSummarySheets(ctx.mirror, sheet?.academic_year_id ?? null);
    },
  },
  'summary.file': {
    access: 'registers.edit',
    run(ctx, input) {
      fileYearSummaries(ctx.mirror, input, ctx.actor, ctx.clock);
      const sheet = documentById(ctx.mirror, input.documentIds[0] ?? '');
      return yearSummarySheets(ctx.mirror, sheet?.academic_year_id ?? null);
    },
  },
} as const satisfies {
  [N in 'summary.sheets' | 'summary.print' | 'summary.signOff' | 'summary.file']: Handler<N>;
};
