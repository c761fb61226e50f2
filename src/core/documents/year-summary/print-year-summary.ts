import path from 'node:path';
import type { Actor } from '../../auth/actor';
import { assertAllowed } from '../../auth/permissions';
import type { Clock } from '../../clock';
import type { Mirror } from '../../db/mirror';
import type { Language } from '../../db/schema';
import { classLanguage, type PrintedClassCopy } from '../class-copy/print-class-copy';
import { yearSummaryId } from '../class-copy/document-id';
import { currentDocument, recordDocument } from '../records/document-store';
import { lastSyncAt } from '../records/reprint-reason';
import { fingerprintOf } from '../short-hash';
import { renderDocument, writeNewFile } from '../write-document';
import { buildYearSummary } from './build-year-summary';
import { assertFinalsGiven, summaryFinals } from './summary-finals';

export interface PrintYearSummaryOptions {
  readonly classId: number;
  readonly academicYearId: number;
  /** The edition; the class's language of instruction when left out. */
  readonly language?: Language;
  /** With finals missing, print the sheet as a draft instead of refusing it. */
  readonly draftWhenIncomplete?: boolean;
  readonly outDir: string;
  readonly actor: Actor;
  readonly clock: Clock;
}

/** A printed summary sheet; `missingFinals` > 0 makes it a draft. */
export type PrintedSummarySheet = PrintedClassCopy & { readonly missingFinals: number };

/**
 * Prints the year-end summary sheet of a class (PDF and XLSX) and records it; like a class copy,
 * unchanged data prints the recorded sheet again byte for byte, changed data supersedes it. With
 * finals missing it is refused, or printed and recorded as a draft when the deputy asks for one.
 */
export async function printYearSummary(
  mirror: Mirror,
  options: PrintYearSummaryOptions,
): Promise<PrintedSummarySheet> {
  assertAllowed(options.actor, 'documents.print');
  const language = options.language ?? classLanguage(mirror, options.classId);
  const finals = summaryFinals(mirror, options.classId, options.academicYearId);
  if (options.draftWhenIncomplete !== true) assertFinalsGiven([finals], language);
  const { summary } = finals;
  const missingFinals = finals.missing.length;
  const fingerprint = fingerprintOf(summary);
  const scope = {
    kind: 'year_summary' as const,
    classId: options.classId,
    periodId: null,
    academicYearId: options.academicYearId,
    language,
  };
  const current = currentDocument(mirror, scope);
  const taken = new Set(
    mirror
      .all(mirror.db.selectFrom('document').select('id').where('class_id', '=', options.classId))
      .map((r) => r.id),
  );
  const freshId = () => {
    const wanted = yearSummaryId({
      yearStartsOn: summary.academicYear.startsOn,
      grade: summary.class.grade,
      letter: summary.class.letter,
      language,
      fingerprint,
    });
    let id = wanted;
    for (let n = 2; taken.has(id); n++) id = `${wanted}-${n}`;
    return id;
  };
  const render = async (documentId: string, createdAt: string) => ({
    documentId,
    createdAt,
    rendered: await renderDocument(
      buildYearSummary(summary, { id: documentId, fingerprint, language, createdAt, missingFinals }),
    ),
  });
  // Same data is the recorded sheet again, byte for byte; if it no longer gives the recorded
  // bytes (a newer layout), it is a different paper and gets its own id.
  const again =
    current !== undefined && current.data_fingerprint === fingerprint
      ? await render(current.id, current.created_at)
      : undefined;
  const same =
    again !== undefined &&
    current !== undefined &&
    again.rendered.sha256 === current.sha256 &&
    (current.xlsx_sha256 ?? again.rendered.xlsxSha256) === again.rendered.xlsxSha256;
  const printed = same ? again : await render(freshId(), options.clock().toISOString());
  const { documentId, createdAt, rendered } = printed;
  const pdfPath = path.join(options.outDir, `${documentId}.pdf`);
  const xlsxPath = path.join(options.outDir, `${documentId}.xlsx`);
  writeNewFile(pdfPath, rendered.pdf, documentId);
  writeNewFile(xlsxPath, rendered.xlsx, documentId);
  const result = {
    documentId,
    pdfPath,
    xlsxPath,
    pages: rendered.pages,
    sha256: rendered.sha256,
    xlsxSha256: rendered.xlsxSha256,
    dataFingerprint: fingerprint,
    createdAt,
    missingFinals,
  };
  if (same) return { ...result, reprint: true };
  mirror.transaction(() => {
    recordDocument(
      mirror,
      {
        id: documentId,
        kind: 'year_summary',
        class_id: options.classId,
        period_id: null,
        academic_year_id: options.academicYearId,
        language,
        pages: rendered.pages,
        sha256: rendered.sha256,
        xlsx_sha256: rendered.xlsxSha256,
        data_fingerprint: fingerprint,
        pdf_path: pdfPath,
        xlsx_path: xlsxPath,
        created_at: createdAt,
        created_by: options.actor.name,
        superseded_by: null,
        data_as_of: lastSyncAt(mirror),
        replaces_json: null,
      },
      current,
      options.actor,
      options.clock(),
    );
    if (missingFinals > 0) {
      mirror.run(
        mirror.db
          .insertInto('year_summary_draft')
          .values({ document_id: documentId, missing_finals: missingFinals }),
      );
    }
  });
  return { ...result, reprint: false, ...(current ? { supersededDocumentId: current.id } : {}) };
}
