import path from 'node:path';
import type { Mirror } from '../db/mirror';
import { MoorError } from '../errors';
import { runSync, type SyncContext, type SyncResult } from './run-sync';
import { parseClassName, parseWorkbookFileName } from './workbook/file-name';
import { readJournalWorkbook } from './workbook/read';
import { workbookSource } from './workbook/workbook-source';

export interface WorkbookOptions {
  /** The class ("8А") when the file name does not say it. */
  className?: string;
  /** The quarter 1–4 when the file name does not say it. */
  quarter?: number;
  /** Warn about unreadable cells and day columns and keep the mirror's entries there (default: refuse). */
  skipUnreadable?: boolean;
}

/** Reads a saved Kundoluk class journal (.xlsx) and syncs it in one transaction. */
export async function syncWorkbookFile(
  mirror: Mirror,
  file: string,
  options: WorkbookOptions,
  context: SyncContext,
): Promise<SyncResult> {
  const fileName = path.basename(file);
  const sheets = await readJournalWorkbook(file, fileName);
  const fromName = parseWorkbookFileName(fileName);
  const schoolClass = options.className === undefined ? fromName : parseClassName(options.className);
  if (schoolClass === undefined) {
    throw new MoorError(
      'WORKBOOK_CLASS',
      options.className === undefined
        ? `${fileName}: the file name does not say the class (expected e.g. "8А-1.xlsx"); give the class and quarter.`
        : `"${options.className}" is not a class name; expected e.g. 8А.`,
      { file: fileName },
    );
  }
  const quarter = options.quarter ?? fromName?.quarter ?? null;
  if (quarter === null || !Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
    throw new MoorError(
      'WORKBOOK_PERIOD',
      `${fileName}: the quarter is not known (expected 1–4 in the file name, e.g. "8А-1.xlsx", or given).`,
      { file: fileName },
    );
  }
  return runSync(
    mirror,
    workbookSource(
      sheets,
      fileName,
      {
        grade: schoolClass.grade,
        letter: schoolClass.letter,
        quarter,
        skipUnreadable: options.skipUnreadable === true,
      },
      context.clock,
    ),
    context,
  );
}
