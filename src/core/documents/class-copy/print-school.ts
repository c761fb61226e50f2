import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../../auth/actor';
import { assertAllowed } from '../../auth/permissions';
import type { Clock } from '../../clock';
import type { Mirror } from '../../db/mirror';
import type { Language } from '../../db/schema';
import { MoorError } from '../../errors';
import { mergePdfs } from '../pdf/merge-pdfs';
import { cleanPartialFiles } from '../../backup/leftovers';
import { sha256Hex } from '../short-hash';
import { nextPrintName, temporaryBeside } from '../write-document';
import { periodCode } from './document-id';
import { renderClassCopyJob, type ClassCopyFiles, type ClassCopyJob } from './class-copy-job';
import { classCopyJob, recordClassCopy, type PrintedClassCopy } from './print-class-copy';
import { runInWorkers } from './worker-pool';

export interface PrintProgress {
  readonly done: number;
  readonly total: number;
  readonly className: string;
  readonly pages: number;
}

export interface PrintSchoolOptions {
  readonly periodId: number;
  /** Only these classes; every marked class (grades 2–11) of the period's year when not given. */
  readonly classIds?: readonly number[];
  /** One edition for every class; each class's language of instruction when not given. */
  readonly language?: Language;
  readonly outDir: string;
  readonly actor: Actor;
  readonly clock: Clock;
  readonly onProgress?: (progress: PrintProgress) => void;
  readonly signal?: AbortSignal;
  /** Worker threads to use (default: one per core); 0 renders on the calling thread. */
  readonly workers?: number;
}

export interface PrintedSchool {
  readonly documents: readonly (PrintedClassCopy & {
    readonly classId: number;
    readonly className: string;
  })[];
  readonly mergedPdfPath: string;
  readonly pages: number;
}

/**
 * Prints every class of a period: one PDF and one XLSX per class rendered on worker threads
 * (both cores), each recorded as it arrives, then one merged PDF for the print shop. Each class is
 * printed in its language of instruction unless one edition is asked for all.
 */
export async function printSchool(mirror: Mirror, options: PrintSchoolOptions): Promise<PrintedSchool> {
  assertAllowed(options.actor, 'documents.print');
  // A print killed midway left its half-written files here: they go before new ones are written.
  await cleanPartialFiles(options.outDir);
  const period = mirror.first(
    mirror.db.selectFrom('reporting_period').selectAll().where('id', '=', options.periodId),
  );
  if (!period)
    throw new MoorError('PERIOD_NOT_FOUND', `There is no reporting period with id ${options.periodId}.`);
  const classes = mirror.all(
    mirror.db
      .selectFrom('class')
      .select(['id', 'grade', 'letter', 'language'])
      .where('academic_year_id', '=', period.academic_year_id)
      .where('grade', '>=', 2)
      .$if(options.classIds !== undefined, (q) => q.where('id', 'in', options.classIds ?? []))
      .orderBy('grade')
      .orderBy('letter'),
  );
  if (classes.length === 0)
    throw new MoorError('NO_CLASSES', 'No class of grades 2–11 to print for this period.');
  const jobs = classes.map((c) =>
    classCopyJob(
      mirror,
      c.id,
      options.periodId,
      options.language ?? c.language,
      options.outDir,
      options.clock,
    ),
  );
  const editions = [...new Set(jobs.map((j) => j.language))];
  const printed = new Map<number, PrintedSchool['documents'][number]>();
  const onResult = (files: ClassCopyFiles, job: ClassCopyJob) => {
    const copy = recordClassCopy(mirror, files, job, options.actor, options.clock);
    printed.set(job.classId, { ...copy, classId: files.classId, className: files.className });
    options.onProgress?.({
      done: printed.size,
      total: jobs.length,
      className: files.className,
      pages: files.pages,
    });
  };
  const workers = options.workers ?? undefined;
  if (workers === 0 || mirror.path === ':memory:') {
    for (const job of jobs) {
      if (options.signal?.aborted)
        throw new MoorError('CANCELLED', 'Printing was cancelled; the copies finished so far are recorded.');
      onResult(await renderClassCopyJob(mirror, job), job);
    }
  } else {
    await runInWorkers(mirror.path, jobs, {
      ...(workers === undefined ? {} : { size: workers }),
      ...(options.signal ? { signal: options.signal } : {}),
      onResult,
    });
  }
  const documents = classes.flatMap((c) => printed.get(c.id) ?? []);
  const newest =
    documents
      .map((d) => d.createdAt)
      .sort()
      .at(-1) ?? options.clock().toISOString();
  // Every run's merged file gets a name of its own (…-school-1.pdf, -2, …): a print shop's file
  // of an earlier run is never overwritten; a run giving the same bytes as the last one reuses it.
  // The edition is in the name when every class is printed in one language.
  const stem = `${periodCode(period.kind, period.number)}-${editions.length === 1 ? `${editions[0] ?? ''}-` : ''}school`;
  const partial = temporaryBeside(path.join(options.outDir, `${stem}.pdf`));
  try {
    await mergePdfs(
      documents.map((d) => d.pdfPath),
      partial,
      `${stem}.pdf`,
      newest,
    );
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  const merged = sha256Hex(fs.readFileSync(partial));
  const mergedPdfPath = nextPrintName(
    options.outDir,
    stem,
    '.pdf',
    (file) => sha256Hex(fs.readFileSync(file)) === merged,
  );
  if (fs.existsSync(mergedPdfPath)) fs.rmSync(partial);
  else fs.renameSync(partial, mergedPdfPath);
  return { documents, mergedPdfPath, pages: documents.reduce((sum, d) => sum + d.pages, 0) };
}
