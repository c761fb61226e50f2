import type { Mirror } from '../db/mirror';
import { MoorError } from '../errors';
import { periodLabel } from './journal-labels';
import type { ArchiveLineText } from './line-words';
import { schoolLanguage } from '../settings/school';

export interface InventoryLine {
  position: number;
  /** The archive line as entered, which a printed inventory words in its own edition. */
  entry: ArchiveLineText;
  registerYear: number;
  registerNumber: number;
  classLabel: string;
  documentTitle: string;
  documentRef: string | null;
  pages: number;
  directorSigned: boolean;
  stamped: boolean;
  stitched: boolean;
  folderNumber: string | null;
}

/** The inventory (опись) of a quarter, half-year or year folder: what it holds, in class order. */
export interface FolderInventory {
  academicYearId: number;
  periodId: number;
  periodLabel: string;
  folderNumbers: string[];
  lines: InventoryLine[];
  totalPages: number;
  /** Classes 2–11 of the year that have no certified copy in the archive for this period yet. */
  classesMissing: { classId: number; grade: number; letter: string }[];
}

export function folderInventory(
  mirror: Mirror,
  options: { academicYearId: number; periodId: number },
): FolderInventory {
  const period = mirror.first(
    mirror.db.selectFrom('reporting_period').select('academic_year_id').where('id', '=', options.periodId),
  );
  if (period?.academic_year_id !== options.academicYearId) {
    throw new MoorError(
      'NOT_FOUND',
      `Reporting period ${options.periodId} is not a period of academic year ${options.academicYearId}.`,
      options,
    );
  }
  const rows = mirror.all(
    mirror.db
      .selectFrom('archive_register')
      .leftJoin('class', 'class.id', 'archive_register.class_id')
      .selectAll('archive_register')
      .select(['class.grade', 'class.letter'])
      .where('archive_register.period_id', '=', options.periodId)
      .orderBy('class.grade')
      .orderBy('class.letter')
      .orderBy('archive_register.class_label')
      .orderBy('archive_register.year')
      .orderBy('archive_register.number'),
  );
  const lines = rows.map((row, i) => ({
    position: i + 1,
    entry: row,
    registerYear: row.year,
    registerNumber: row.number,
    classLabel: row.class_label,
    documentTitle: row.document_title,
    documentRef: row.document_ref,
    pages: row.pages,
    directorSigned: row.director_signed === 1,
    stamped: row.stamped === 1,
    stitched: row.stitched === 1,
    folderNumber: row.folder_number,
  }));
  const archived = new Set(rows.map((row) => row.class_id));
  const classesMissing = mirror
    .all(
      mirror.db
        .selectFrom('class')
        .select(['id', 'grade', 'letter'])
        .where('academic_year_id', '=', options.academicYearId)
        .where('grade', '>=', 2)
        .orderBy('grade')
        .orderBy('letter'),
    )
    .filter((c) => !archived.has(c.id))
    .map((c) => ({ classId: c.id, grade: c.grade, letter: c.letter }));
  return {
    academicYearId: options.academicYearId,
    periodId: options.periodId,
    periodLabel: periodLabel(mirror, options.periodId, schoolLanguage(mirror)).label,
    folderNumbers: [...new Set(lines.map((l) => l.folderNumber).filter((f) => f !== null))].sort(),
    lines,
    totalPages: lines.reduce((sum, l) => sum + l.pages, 0),
    classesMissing,
  };
}
