import path from 'node:path';
import type { Mirror } from '../../db/mirror';
import type { Language } from '../../db/schema';
import { loadClassJournal, type ClassJournal } from '../../journal/class-journal';
import { journalFingerprint } from '../../journal/fingerprint';
import { renderDocument, writeAtomically, type RenderedDocument } from '../write-document';
import { buildClassCopy } from './build-class-copy';
import { classCopyId } from './document-id';

/**
 * Rendering one class copy, the same in-process and in a print worker: the journal is read, its
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
  /** The audit chain's head now, printed on a new copy's title page. */
  readonly auditHead: string | null;
  readonly current: {
    readonly id: string;
    readonly dataFingerprint: string;
    readonly createdAt: string;
    readonly sha256: string;
    readonly xlsxSha256: string | null;
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
  readonly pdfPath: string;
  readonly xlsxPath: string;
  readonly pages: number;
  readonly sha256: string;
  readonly xlsxSha256: string;
}

export async function renderClassCopyJob(mirror: Mirror, job: ClassCopyJob): Promise<ClassCopyFiles> {
  const journal = loadClassJournal(mirror, job.classId, job.periodId);
  const fingerprint = journalFingerprint(journal);
  const { current } = job;
  if (current !== null && current.dataFingerprint === fingerprint) {
    const again = await render(journal, job, fingerprint, {
      id: current.id,
      createdAt: current.createdAt,
      auditHead: current.auditHead,
    });
    const same =
      again.rendered.sha256 === current.sha256 &&
      (current.xlsxSha256 ?? again.rendered.xlsxSha256) === again.rendered.xlsxSha256;
    if (same) return again.write(true);
  }
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
  return (
    await render(journal, job, fingerprint, { id: documentId, createdAt: job.now, auditHead: job.auditHead })
  ).write(false);
}

/** Renders the copy in memory; `write` puts both files in the output folder. */
async function render(
  journal: ClassJournal,
  job: ClassCopyJob,
  fingerprint: string,
  copy: { id: string; createdAt: string; auditHead: string | null },
): Promise<{ rendered: RenderedDocument; write: (sameAsCurrent: boolean) => ClassCopyFiles }> {
  const { id: documentId, createdAt, auditHead } = copy;
  const spec = buildClassCopy(journal, {
    id: documentId,
    fingerprint,
    language: job.language,
    createdAt,
    auditHead,
  });
  const rendered = await renderDocument(spec);
  const write = (sameAsCurrent: boolean): ClassCopyFiles => {
    const pdfPath = path.join(job.outDir, `${documentId}.pdf`);
    const xlsxPath = path.join(job.outDir, `${documentId}.xlsx`);
    writeAtomically(pdfPath, rendered.pdf);
    writeAtomically(xlsxPath, rendered.xlsx);
    return {
      classId: job.classId,
      className: `${journal.class.grade}${journal.class.letter}`,
      documentId,
      createdAt,
      dataFingerprint: fingerprint,
      auditHead,
      academicYearId: journal.academicYear.id,
      sameAsCurrent,
      pdfPath,
      xlsxPath,
      pages: rendered.pages,
      sha256: rendered.sha256,
      xlsxSha256: rendered.xlsxSha256,
    };
  };
  return { rendered, write };
}

function unused(wanted: string, taken: readonly string[]): string {
  let id = wanted;
  for (let n = 2; taken.includes(id); n++) id = `${wanted}-${n}`;
  return id;
}
