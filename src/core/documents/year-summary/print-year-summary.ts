import path from 'node:path';
import type { Actor } from '../../auth/actor';
import { assertAllowed } from '../../auth/permissions';
import type { Clock } from '../../clock';
import type { Mirror } from '../../db/mirror';
import type { Language } from '../../db/schema';
import { loadYearSummary } from '../../journal/year-summary';
import type { PrintedClassCopy } from '../class-copy/print-class-copy';
import { schoolLanguage } from '../class-copy/print-class-copy';
import { yearSummaryId } from '../class-copy/document-id';
import { currentDocument, recordDocument } from '../records/document-store';
import { fingerprintOf } from '../short-hash';
import { writePdf, writeXlsx } from '../write-document';
import { buildYearSummary } from './build-year-summary';

export interface PrintYearSummaryOptions {
  readonly classId: number;
  readonly academicYearId: number;
  readonly language?: Language;
  readonly outDir: string;
  readonly actor: Actor;
  readonly clock: Clock;
}

/**
 * Prints the year-end summary sheet of a class (PDF and XLSX) and records it; like a class copy,
 * unchanged data prints the recorded sheet again byte for byte, changed data supersedes it.
 */
export async function printYearSummary(
  mirror: Mirror,
  options: PrintYearSummaryOptions,
): Promise<PrintedClassCopy> {
  assertAllowed(options.actor, 'documents.print');
  const language = options.language ?? schoolLanguage(mirror);
  const summary = loadYearSummary(mirror, options.classId, options.academicYearId);
  const fingerprint = fingerprintOf(summary);
  const scope = {
    kind: 'year_summary' as const,
    classId: options.classId,
    periodId: null,
    academicYearId: options.academicYearId,
    language,
  };
  const current = currentDocument(mirror, scope);
  const same = current !== undefined && current.data_fingerprint === fingerprint;
  const taken = new Set(
    mirror
      .all(mirror.db.selectFrom('document').select('id').where('class_id', '=', options.classId))
      .map((r) => r.id),
  );
  const wanted = yearSummaryId({
    yearStartsOn: summary.academicYear.startsOn,
    grade: summary.class.grade,
    letter: summary.class.letter,
    language,
    fingerprint,
  });
  let documentId = same ? current.id : wanted;
  for (let n = 2; !same && taken.has(documentId); n++) documentId = `${wanted}-${n}`;
  const createdAt = same ? current.created_at : options.clock().toISOString();
  const spec = buildYearSummary(summary, { id: documentId, fingerprint, language, createdAt });
  const pdf = await writePdf(spec, path.join(options.outDir, `${documentId}.pdf`));
  const xlsx = await writeXlsx(spec, path.join(options.outDir, `${documentId}.xlsx`));
  const result = {
    documentId,
    pdfPath: pdf.path,
    xlsxPath: xlsx.path,
    pages: pdf.pages,
    sha256: pdf.sha256,
    xlsxSha256: xlsx.sha256,
    dataFingerprint: fingerprint,
    createdAt,
  };
  if (same) return { ...result, reprint: true };
  recordDocument(
    mirror,
    {
      id: documentId,
      kind: 'year_summary',
      class_id: options.classId,
      period_id: null,
      academic_year_id: options.academicYearId,
      language,
      pages: pdf.pages,
      sha256: pdf.sha256,
      xlsx_sha256: xlsx.sha256,
      data_fingerprint: fingerprint,
      pdf_path: pdf.path,
      xlsx_path: xlsx.path,
      created_at: createdAt,
      created_by: options.actor.name,
      superseded_by: null,
    },
    current,
    options.actor,
    options.clock(),
  );
  return { ...result, reprint: false, ...(current ? { supersededDocumentId: current.id } : {}) };
}
