import type { Actor } from '../../auth/actor';
import { assertAllowed } from '../../auth/permissions';
import type { Clock } from '../../clock';
import type { Mirror } from '../../db/mirror';
import type { Language } from '../../db/schema';
import { MoorError } from '../../errors';
import { printYearSummary, type PrintedSummarySheet } from './print-year-summary';
import { summaryClasses } from './summary-years';
import { assertFinalsGiven, summaryFinals } from './summary-finals';
import { schoolLanguage } from '../../settings/school';

export interface PrintYearSummariesOptions {
  readonly academicYearId: number;
  /** Some of the year's classes; all of classes 2-11 when null. */
  readonly classIds: readonly number[] | null;
  /** One edition for all; each class in its language of instruction when left out. */
  readonly language?: Language;
  /** With finals missing in a class, print its sheet as a draft instead of refusing them all. */
  readonly draftWhenIncomplete?: boolean;
  readonly outDir: string;
  readonly actor: Actor;
  readonly clock: Clock;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: { done: number; total: number; className: string }) => void;
}

export type PrintedYearSummary = PrintedSummarySheet & {
  readonly classId: number;
  readonly className: string;
};

/**
 * The year-end summary sheets of a school year's classes, one class after another (each is a
 * single short sheet, so one thread does it in seconds), stopping between classes when cancelled.
 * Unless drafts are asked for, every class's finals are checked first: one class with finals
 * missing refuses the whole print, naming every class, subject and student missing.
 */
export async function printYearSummaries(
  mirror: Mirror,
  options: PrintYearSummariesOptions,
): Promise<PrintedYearSummary[]> {
  assertAllowed(options.actor, 'documents.print');
  const classes = summaryClasses(mirror, options.academicYearId);
  const chosen = options.classIds === null ? classes : options.classIds.map((id) => chosenClass(classes, id));
  if (options.draftWhenIncomplete !== true) {
    assertFinalsGiven(
      chosen.map((c) => summaryFinals(mirror, c.id, options.academicYearId)),
      options.language ?? schoolLanguage(mirror),
    );
  }
  const printed: PrintedYearSummary[] = [];
  for (const c of chosen) {
    options.signal?.throwIfAborted();
    options.onProgress?.({ done: printed.length, total: chosen.length, className: c.name });
    const sheet = await printYearSummary(mirror, {
      classId: c.id,
      academicYearId: options.academicYearId,
      outDir: options.outDir,
      actor: options.actor,
      clock: options.clock,
      ...(options.language ? { language: options.language } : {}),
      ...(options.draftWhenIncomplete === undefined
        ? {}
        : { draftWhenIncomplete: options.draftWhenIncomplete }),
    });
    printed.push({ ...sheet, classId: c.id, className: c.name });
  }
  options.onProgress?.({ done: printed.length, total: chosen.length, className: '' });
  return printed;
}

function chosenClass<C extends { id: number }>(classes: readonly C[], id: number): C {
  const found = classes.find((c) => c.id === id);
  if (!found) {
    throw new MoorError('CLASS_NOT_FOUND', `Class ${id} is not one of that school year's classes 2-11.`, {
      field: 'classIds',
    });
  }
  return found;
}
