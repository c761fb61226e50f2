import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { Actor } from '../../auth/actor';
import { assertAllowed } from '../../auth/permissions';
import type { Clock } from '../../clock';
import type { Mirror } from '../../db/mirror';
import type { Language } from '../../db/schema';
import { MoorError } from '../../errors';
import type { DocumentSpec } from '../layout/model';
import { OrderedMerge } from '../pdf/ordered-merge';
import { renderXlsx } from '../xlsx/render-xlsx';
import { cleanPartialFiles } from '../../backup/leftovers';
import { sha256Hex } from '../short-hash';
import { nextPrintName, temporaryBeside } from '../write-document';
import { periodCode } from './document-id';
import {
  finishClassCopy,
  renderClassCopyPdf,
  type ClassCopyFiles,
  type ClassCopyJob,
  type ClassCopyPdf,
  type RenderWorkbook,
} from './class-copy-job';
import { classCopyJob, recordClassCopy, type PrintedClassCopy } from './print-class-copy';
import { WorkbookWorkers, workbookWorkerCount } from './worker-pool';

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
  /** A class's PDF is written (its workbook and record follow): the print shop may have it. */
  readonly onPdf?: (copy: { readonly className: string; readonly pdfPath: string }) => void;
  readonly signal?: AbortSignal;
  /**
   * Worker threads rendering the workbooks while this thread draws the PDFs (default: one when
   * there are several classes and cores, see `workbookWorkerCount`); 0: all on this thread, the
   * workbooks after every PDF.
   */
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
 * Prints every class of a period: one PDF and one XLSX per class, each recorded as it is done, and
 * one merged PDF for the print shop. This thread draws the PDFs one class after another, appending
 * each to the merged file as it is written, so the print shop's file is complete once the last
 * PDF is; the workbooks follow (or, with print workers, are rendered there meanwhile), so the
 * printer never waits for Excel. Each class is printed in its language of instruction unless one
 * edition is asked for all.
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
  // The edition is in the merged file's name when every class is printed in one language.
  const stem = `${periodCode(period.kind, period.number)}-${editions.length === 1 ? `${editions[0] ?? ''}-` : ''}school`;
  const partial = temporaryBeside(path.join(options.outDir, `${stem}.pdf`));
  const merge = new OrderedMerge(partial);
  const workers = workbookWorkerCount(options.workers, jobs.length);
  const pool = workers === 0 ? null : new WorkbookWorkers(workers);
  const finishing = new Set<Promise<void>>();
  const failures: unknown[] = [];
  /** Workbooks left for after the PDFs (no worker): each spec kept serialized, a fraction of its objects' memory. */
  const later: { job: ClassCopyJob; files: ClassCopyPdf['files']; spec: Buffer }[] = [];
  const finish = (index: number, job: ClassCopyJob, pdf: ClassCopyPdf, render: RenderWorkbook) => {
    const done: Promise<void> = finishClassCopy(mirror, job, pdf, render)
      .then((files) => {
        if (pdf.files.sameAsCurrent)
          merge.add(
            index,
            files.documentId === pdf.files.documentId ? pdf.pdf : fs.readFileSync(files.pdfPath),
            files.createdAt,
          );
        onResult(files, job);
      })
      .catch((error: unknown) => {
        failures.push(error);
      })
      .finally(() => finishing.delete(done));
    finishing.add(done);
    return done;
  };
  let mergedPdfPath: string;
  try {
    for (const [index, job] of jobs.entries()) {
      await betweenCopies(options.signal);
      if (failures.length > 0) throw failures[0];
      const pdf = await renderClassCopyPdf(mirror, job);
      options.onPdf?.({ className: pdf.files.className, pdfPath: pdf.files.pdfPath });
      if (!pdf.files.sameAsCurrent) merge.add(index, pdf.pdf, pdf.files.createdAt);
      if (pool !== null) {
        void finish(index, job, pdf, (spec) => pool.render(spec, job.classId));
        // A few workbooks queued per worker keep it busy; more would only hold their specs in memory.
        while (finishing.size > 2 * workers) await Promise.race(finishing);
      } else if (pdf.files.sameAsCurrent || jobs.length === 1) {
        // A reprint's PDF goes into the print shop's file only once its workbook matches too.
        await finish(index, job, pdf, renderXlsx);
      } else {
        later.push({ job, files: pdf.files, spec: v8.serialize(pdf.workbookSpec) });
      }
    }
    await Promise.all(finishing);
    if (failures.length > 0) throw failures[0];
    await merge.finish(`${stem}.pdf`);
    mergedPdfPath = placeMerged(options.outDir, stem, partial);
    // Not reprints (those were finished above): nothing more goes into the merged file.
    for (const { job, files, spec } of later) {
      await betweenCopies(options.signal);
      const workbookSpec = v8.deserialize(spec) as DocumentSpec;
      await finish(-1, job, { files, pdf: new Uint8Array(), workbookSpec }, renderXlsx);
      if (failures.length > 0) throw failures[0];
    }
  } catch (error) {
    merge.close();
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    await pool?.close();
    await Promise.all(finishing);
  }
  const documents = classes.flatMap((c) => printed.get(c.id) ?? []);
  return { documents, mergedPdfPath, pages: documents.reduce((sum, d) => sum + d.pages, 0) };
}

/**
 * Every run's merged file gets a name of its own (…-school-1.pdf, -2, …): a print shop's file of an
 * earlier run is never overwritten; a run giving the same bytes as the last one reuses it.
 */
function placeMerged(outDir: string, stem: string, partial: string): string {
  const merged = sha256Hex(fs.readFileSync(partial));
  const target = nextPrintName(outDir, stem, '.pdf', (file) => sha256Hex(fs.readFileSync(file)) === merged);
  if (fs.existsSync(target)) fs.rmSync(partial);
  else fs.renameSync(partial, target);
  return target;
}

/**
 * Between two copies: stops when cancelled, and lets the thread answer what waited meanwhile (in
 * the app, the window's requests) before drawing the next copy.
 */
async function betweenCopies(signal: AbortSignal | undefined): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (signal?.aborted) throw cancelled();
}

function cancelled(): MoorError {
  return new MoorError('CANCELLED', 'Printing was cancelled; the copies finished so far are recorded.');
}
