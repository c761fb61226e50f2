import type { Actor } from '../../auth/actor';
import { assertAllowed } from '../../auth/permissions';
import type { Clock } from '../../clock';
import type { Mirror } from '../../db/mirror';
import type { Language } from '../../db/schema';
import { changesSince, lastSyncAt, parseReprintReason } from '../records/reprint-reason';
import { anchorText, chainHead } from '../../audit/chain-head';
import { currentDocument, printedAuditHead, recordDocument } from '../records/document-store';
import { renderClassCopyJob, type ClassCopyFiles, type ClassCopyJob } from './class-copy-job';
import { MoorError } from '../../errors';

export interface PrintClassCopyOptions {
  readonly classId: number;
  readonly periodId: number;
  /** The edition; the class's language of instruction when not given. */
  readonly language?: Language;
  readonly outDir: string;
  readonly actor: Actor;
  readonly clock: Clock;
}

export interface PrintedClassCopy {
  readonly documentId: string;
  readonly pdfPath: string;
  readonly xlsxPath: string;
  readonly pages: number;
  readonly sha256: string;
  readonly xlsxSha256: string;
  readonly dataFingerprint: string;
  /** The document's date (from its record). */
  readonly createdAt: string;
  /** The earlier copy of the same class, period and language this one replaces (its data changed). */
  readonly supersededDocumentId?: string;
  /** True when the data had not changed: the files are the recorded copy again, byte for byte. */
  readonly reprint: boolean;
}

/** Prints the paper copy of one class for one period (PDF and XLSX) and records it. */
export async function printClassCopy(
  mirror: Mirror,
  options: PrintClassCopyOptions,
): Promise<PrintedClassCopy> {
  assertAllowed(options.actor, 'documents.print');
  const job = classCopyJob(
    mirror,
    options.classId,
    options.periodId,
    options.language ?? classLanguage(mirror, options.classId),
    options.outDir,
    options.clock,
  );
  const files = await renderClassCopyJob(mirror, job);
  return recordClassCopy(mirror, files, job, options.actor, options.clock);
}

/** The language a class is taught in, the edition its copies are printed in by default. */
export function classLanguage(mirror: Mirror, classId: number): Language {
  const found = mirror.first(mirror.db.selectFrom('class').select('language').where('id', '=', classId));
  if (!found)
    throw new MoorError('CLASS_NOT_FOUND', `There is no class with id ${classId} in the mirror.`, {
      classId,
    });
  return found.language;
}

export function classCopyJob(
  mirror: Mirror,
  classId: number,
  periodId: number,
  language: Language,
  outDir: string,
  clock: Clock,
): ClassCopyJob {
  const current = currentDocument(mirror, {
    kind: 'class_copy',
    classId,
    periodId,
    academicYearId: null,
    language,
  });
  const takenIds = mirror
    .all(mirror.db.selectFrom('document').select('id').where('class_id', '=', classId))
    .map((row) => row.id);
  return {
    classId,
    periodId,
    language,
    outDir,
    now: clock().toISOString(),
    dataAsOf: lastSyncAt(mirror),
    auditHead: anchorText(chainHead(mirror)),
    current: current
      ? {
          id: current.id,
          dataFingerprint: current.data_fingerprint,
          createdAt: current.created_at,
          sha256: current.sha256,
          xlsxSha256: current.xlsx_sha256,
          dataAsOf: current.data_as_of,
          replaces: parseReprintReason(current.replaces_json),
          changesSince: changesSince(mirror, classId, periodId, current.created_at),
          auditHead: printedAuditHead(mirror, current.id),
        }
      : null,
    takenIds,
  };
}

/** Records a new copy (superseding the one in force); an unchanged reprint records nothing. */
export function recordClassCopy(
  mirror: Mirror,
  files: ClassCopyFiles,
  job: ClassCopyJob,
  actor: Actor,
  clock: Clock,
): PrintedClassCopy {
  const result = {
    documentId: files.documentId,
    pdfPath: files.pdfPath,
    xlsxPath: files.xlsxPath,
    pages: files.pages,
    sha256: files.sha256,
    xlsxSha256: files.xlsxSha256,
    dataFingerprint: files.dataFingerprint,
    createdAt: files.createdAt,
  };
  if (files.sameAsCurrent) return { ...result, reprint: true };
  const current = currentDocument(mirror, {
    kind: 'class_copy',
    classId: job.classId,
    periodId: job.periodId,
    academicYearId: null,
    language: job.language,
  });
  recordDocument(
    mirror,
    {
      id: files.documentId,
      kind: 'class_copy',
      class_id: job.classId,
      period_id: job.periodId,
      academic_year_id: files.academicYearId,
      language: job.language,
      pages: files.pages,
      sha256: files.sha256,
      xlsx_sha256: files.xlsxSha256,
      data_fingerprint: files.dataFingerprint,
      pdf_path: files.pdfPath,
      xlsx_path: files.xlsxPath,
      created_at: files.createdAt,
      created_by: actor.name,
      superseded_by: null,
      data_as_of: files.dataAsOf,
      replaces_json: files.replaces === null ? null : JSON.stringify(files.replaces),
    },
    current,
    actor,
    clock(),
    files.auditHead,
  );
  return { ...result, reprint: false, ...(current ? { supersededDocumentId: current.id } : {}) };
}
