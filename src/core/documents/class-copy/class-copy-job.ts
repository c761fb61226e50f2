import path from 'node:path';
import type { Mirror } from '../../db/mirror';
import type { Language } from '../../db/schema';
import { loadClassJournal } from '../../journal/class-journal';
import { journalFingerprint } from '../../journal/fingerprint';
import { writePdf, writeXlsx } from '../write-document';
import { buildClassCopy } from './build-class-copy';
import { classCopyId } from './document-id';

/**
 * Rendering one class copy, the same in-process and in a print worker: the journal is read, its
 * fingerprint compared with the copy in force. Same data: the copy is rendered again under its
 * own id and date, byte for byte. Changed data: a new id, dated `now`.
 */
export interface ClassCopyJob {
  readonly classId: number;
  readonly periodId: number;
  readonly language: Language;
  readonly outDir: string;
  readonly now: string;
  readonly current: {
    readonly id: string;
    readonly dataFingerprint: string;
    readonly createdAt: string;
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
  const same = job.current !== null && job.current.dataFingerprint === fingerprint;
  const documentId =
    job.current !== null && same
      ? job.current.id
      : unused(
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
  const createdAt = job.current !== null && same ? job.current.createdAt : job.now;
  const spec = buildClassCopy(journal, { id: documentId, fingerprint, language: job.language, createdAt });
  const pdf = await writePdf(spec, path.join(job.outDir, `${documentId}.pdf`));
  const xlsx = await writeXlsx(spec, path.join(job.outDir, `${documentId}.xlsx`));
  return {
    classId: job.classId,
    className: `${journal.class.grade}${journal.class.letter}`,
    documentId,
    createdAt,
    dataFingerprint: fingerprint,
    academicYearId: journal.academicYear.id,
    sameAsCurrent: same,
    pdfPath: pdf.path,
    xlsxPath: xlsx.path,
    pages: pdf.pages,
    sha256: pdf.sha256,
    xlsxSha256: xlsx.sha256,
  };
}

function unused(wanted: string, taken: readonly string[]): string {
  let id = wanted;
  for (let n = 2; taken.includes(id); n++) id = `${wanted}-${n}`;
  return id;
}
