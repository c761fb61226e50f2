import path from 'node:path';
import type { Mirror } from '../../db/mirror';
import type { PrintedYearSummary } from '../../documents/year-summary/print-year-summaries';
import { summaryClasses, summaryYears } from '../../documents/year-summary/summary-years';
import type { PrintedYearSummariesView, YearSummarySheetsView } from '../../../shared/document-views';

const SHORT_HASH = 12;

/** The summary-sheet card's data: the years, the chosen year's classes and the sheets in force with their sign-off. */
export function yearSummarySheets(mirror: Mirror, academicYearId: number | null): YearSummarySheetsView {
  const years = summaryYears(mirror);
  const yearId = academicYearId ?? years[0]?.id ?? null;
  if (yearId === null) return { years, academicYearId: null, classes: [], sheets: [] };
  const classes = summaryClasses(mirror, yearId);
  const names = new Map(classes.map((c) => [c.id, c.name]));
  const rows = mirror.all(
    mirror.db
      .selectFrom('document as d')
      .leftJoin('year_summary_signoff as s', 's.document_id', 'd.id')
      .leftJoin('year_summary_draft as dr', 'dr.document_id', 'd.id')
      .select([
        'd.id',
        'd.class_id',
        'd.language',
        'd.pages',
        'd.sha256',
        'd.created_at',
        's.signed_on',
        's.signed_by',
        (eb) =>
          eb
            .exists(
              eb.selectFrom('archive_register as a').select('a.id').whereRef('a.document_ref', '=', 'd.id'),
            )
            .as('filed'),
        'dr.missing_finals',
      ])
      .where('d.kind', '=', 'year_summary')
      .where('d.academic_year_id', '=', yearId)
      .where('d.superseded_by', 'is', null)
      .orderBy('d.language')
      .orderBy('d.id'),
  );
  const order = new Map(classes.map((c, index) => [c.id, index]));
  const sheets = rows
    .filter((r) => r.class_id !== null && names.has(r.class_id))
    .map((r) => ({
      classId: r.class_id ?? 0,
      className: names.get(r.class_id ?? 0) ?? '',
      documentId: r.id,
      language: r.language,
      pages: r.pages,
      shortHash: r.sha256.slice(0, SHORT_HASH),
      printedAt: r.created_at,
      draft: r.missing_finals !== null,
      signedOn: r.signed_on,
      signedBy: r.signed_by,
      filed: Boolean(r.filed),
    }))
    .sort((a, b) => (order.get(a.classId) ?? 0) - (order.get(b.classId) ?? 0));
  return { years, academicYearId: yearId, classes, sheets };
}

/** What a summary print job answers the window. */
export function printedYearSummariesView(
  folder: string,
  printed: readonly PrintedYearSummary[],
): PrintedYearSummariesView {
  return {
    folder: path.resolve(folder),
    sheets: printed.map((p) => ({
      classId: p.classId,
      className: p.className,
      documentId: p.documentId,
      pages: p.pages,
      shortHash: p.sha256.slice(0, SHORT_HASH),
      pdfPath: p.pdfPath,
      reprint: p.reprint,
    })),
  };
}
