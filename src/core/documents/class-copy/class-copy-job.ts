import path from 'node:path';
import type { Mirror } from '../../db/mirror';
import type { Language } from '../../db/schema';
import { loadClassJournal, type ClassJournal } from '../../journal/class-journal';
import { journalFingerprint } from '../../journal/fingerprint';
import type { DocumentSpec } from '../layout/model';
import { paginate } from '../layout/paginate';
import { resolvePlacedReferences, resolveSpecReferences } from '../layout/page-references';
import { renderPdf } from '../pdf/render-pdf';
import type { ReprintReason, SubjectChanges } from '../records/reprint-reason';
import { sha256Hex } from '../short-hash';
import { writeAtomically, writeNewFile } from '../write-document';
import { renderXlsx } from '../xlsx/render-xlsx';
import { buildClassCopy } from './build-class-copy';
import { classCopyId } from './document-id';

/**
 * Rendering one class copy, in two steps: the PDF first (what the print shop waits for), then the
 * workbook from the same laid-out spec, on this thread or on a worker. The journal is read, its
 * fingerprint compared with the copy in force. Same data: the copy is rendered again under its
 * own id and date, byte for byte. Changed data: a new id, dated `now`. Same data that no longer
 * gives the recorded bytes (the layout changed with a newer version of the app) is a different
 * paper: it gets a new id too, so a record's SHA-256 always matches the files printed under its id.
 */
export interface ClassCopyJob {
  readonly classId: number;
  readonly periodId: number;
  readonly language: Language;
  readonly outDir: string;
  readonly now: string;
  /** The last sync: a new copy's data is as of then. */
  readonly dataAsOf: string | null;
  /** The audit chain's head now, printed on a new copy's title page. */
  readonly auditHead: string | null;
  readonly current: {
    readonly id: string;
    readonly dataFingerprint: string;
    readonly createdAt: string;
    readonly sha256: string;
    readonly xlsxSha256: string | null;
    readonly dataAsOf: string | null;
    readonly replaces: ReprintReason | null;
    /** The changes the mirror saw since this copy was printed: why a new copy replaces it. */
    readonly changesSince: readonly SubjectChanges[];
    /** The head the copy in force was printed with: a reprint carries it again. */
    readonly auditHead: string | null;
  } | null;
  /** Ids already recorded for this class: a new id must differ from all of them. */
  readonly takenIds: readonly string[];
}

export interface ClassCopyFiles {
  readonly classId: number;
  readonly className: string;
  readonly documentId: string;
  readonly createdAt: string;
  readonly dataFingerprint: string;
  readonly auditHead: string | null;
  readonly academicYearId: number;
  /** True when the data is unchanged since the copy in force: nothing new to record. */
  readonly sameAsCurrent: boolean;
  readonly dataAsOf: string | null;
  readonly replaces: ReprintReason | null;
  readonly pdfPath: string;
  readonly xlsxPath: string;
  readonly pages: number;
  readonly sha256: string;
  readonly xlsxSha256: string;
}

/** A copy whose PDF is written: its workbook is still to be rendered from `workbookSpec`. */
export interface ClassCopyPdf {
  readonly files: Omit<ClassCopyFiles, 'xlsxSha256'>;
  /**
   * The PDF of the copy. For a reprint (`files.sameAsCurrent`) it is final only once the workbook
   * is found to match the record too; otherwise `finishClassCopy` prints a new copy.
   */
  readonly pdf: Uint8Array;
  /** The spec with its page references resolved: all the workbook renderer needs. */
  readonly workbookSpec: DocumentSpec;
}

/** Renders a workbook from a spec: `renderXlsx` here, or the same on a worker thread. */
export type RenderWorkbook = (spec: DocumentSpec) => Promise<Uint8Array>;

/** Both steps on this thread: the PDF written first, then the workbook. */
export async function renderClassCopyJob(mirror: Mirror, job: ClassCopyJob): Promise<ClassCopyFiles> {
  return finishClassCopy(mirror, job, await renderClassCopyPdf(mirror, job), renderXlsx);
}

/** Step one: reads the journal, decides the copy's id and writes its PDF. */
export async function renderClassCopyPdf(mirror: Mirror, job: ClassCopyJob): Promise<ClassCopyPdf> {
  const journal = loadClassJournal(mirror, job.classId, job.periodId);
  const fingerprint = journalFingerprint(journal);
  const { current } = job;
  if (current !== null && current.dataFingerprint === fingerprint) {
    const again = await renderPdfStep(journal, job, fingerprint, {
      id: current.id,
      createdAt: current.createdAt,
      dataAsOf: current.dataAsOf,
      replaces: current.replaces,
      auditHead: current.auditHead,
    });
    if (sha256Hex(again.pdf) === current.sha256) return again;
  }
  return renderPdfStep(journal, job, fingerprint, newParticulars(journal, job, fingerprint));
}

/**
 * Step two: writes the workbook. A reprint whose workbook no longer gives the recorded bytes is a
 * different paper after all: it is printed anew under a new id, on this thread (a rare case).
 */
export async function finishClassCopy(
  mirror: Mirror,
  job: ClassCopyJob,
  step: ClassCopyPdf,
  renderWorkbook: RenderWorkbook,
): Promise<ClassCopyFiles> {
  const xlsx = await renderWorkbook(step.workbookSpec);
  const xlsxSha256 = sha256Hex(xlsx);
  const recorded = job.current?.xlsxSha256 ?? xlsxSha256;
  if (step.files.sameAsCurrent && recorded !== xlsxSha256) {
    const journal = loadClassJournal(mirror, job.classId, job.periodId);
    const fingerprint = journalFingerprint(journal);
    const anew = await renderPdfStep(journal, job, fingerprint, newParticulars(journal, job, fingerprint));
    return finishClassCopy(mirror, job, anew, renderXlsx);
  }
  writeCopyFile(step.files.xlsxPath, xlsx, step.files);
  return { ...step.files, xlsxSha256 };
}

/** What a copy says about its own print, besides the journal's data. */
interface PrintParticulars {
  readonly id: string;
  readonly createdAt: string;
  readonly dataAsOf: string | null;
  readonly replaces: ReprintReason | null;
  readonly auditHead: string | null;
}

function newParticulars(journal: ClassJournal, job: ClassCopyJob, fingerprint: string): PrintParticulars {
  const { current } = job;
  const documentId = unused(
    classCopyId({
      periodKind: journal.period.kind,
      periodNumber: journal.period.number,
      yearStartsOn: journal.academicYear.startsOn,
      grade: journal.class.grade,
      letter: journal.class.letter,
      language: job.language,
      fingerprint,
    }),
    job.takenIds,
  );
  const replaces: ReprintReason | null =
    current === null
      ? null
      : {
          replacesId: current.id,
          sameData: current.dataFingerprint === fingerprint,
          subjects: current.dataFingerprint === fingerprint ? [] : current.changesSince,
        };
  return { id: documentId, createdAt: job.now, dataAsOf: job.dataAsOf, replaces, auditHead: job.auditHead };
}

async function renderPdfStep(
  journal: ClassJournal,
  job: ClassCopyJob,
  fingerprint: string,
  printed: PrintParticulars,
): Promise<ClassCopyPdf> {
  const { id: documentId, createdAt, auditHead } = printed;
  const spec = buildClassCopy(journal, {
    id: documentId,
    fingerprint,
    language: job.language,
    createdAt,
    dataAsOf: printed.dataAsOf,
    replaces: printed.replaces,
    auditHead,
  });
  const pages = paginate(spec);
  resolvePlacedReferences(pages);
  const pdf = await renderPdf(spec, pages);
  const pdfPath = path.join(job.outDir, `${documentId}.pdf`);
  writeCopyFile(pdfPath, pdf, { documentId, sameAsCurrent: job.current?.id === documentId });
  return {
    pdf,
    workbookSpec: resolveSpecReferences(spec, pages),
    files: {
      classId: job.classId,
      className: `${journal.class.grade}${journal.class.letter}`,
      documentId,
      createdAt,
      dataFingerprint: fingerprint,
      auditHead,
      academicYearId: journal.academicYear.id,
      sameAsCurrent: job.current?.id === documentId,
      dataAsOf: printed.dataAsOf,
      replaces: printed.replaces,
      pdfPath,
      xlsxPath: path.join(job.outDir, `${documentId}.xlsx`),
      pages: pages.length,
      sha256: sha256Hex(pdf),
    },
  };
}

/**
 * The copy in force printed again keeps any changed file under its name (see writeNewFile). A new
 * copy's id was never recorded, so a file already under its name is what a print killed before
 * recording it left: it is replaced.
 */
function writeCopyFile(
  target: string,
  bytes: Uint8Array,
  copy: { readonly documentId: string; readonly sameAsCurrent: boolean },
): void {
  if (copy.sameAsCurrent) writeNewFile(target, bytes, copy.documentId);
  else writeAtomically(target, bytes);
}

function unused(wanted: string, taken: readonly string[]): string {
  let id = wanted;
  for (let n = 2; taken.includes(id); n++) id = `${wanted}-${n}`;
  return id;
}
