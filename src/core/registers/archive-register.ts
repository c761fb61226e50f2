import type { Selectable } from 'kysely';
import { appendAudit } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import { assertAllowed } from '../auth/permissions';
import { type Clock, systemClock } from '../clock';
import type { Mirror } from '../db/mirror';
import type { ArchiveRegisterTable } from '../db/schema';
import { MoorError } from '../errors';
import { classLabel, periodLabel } from './journal-labels';
import { nextRegisterNumber } from './register-number';
import { schoolLanguage } from '../settings/school';
import { archiveDefaultsFor } from '../settings/archive-defaults';
import type { ArchiveKind } from '../../shared/archive-defaults';

export type ArchiveEntry = Selectable<ArchiveRegisterTable>;

/** One certified copy entering the archive (I 5.2, secretary a–c). */
export interface ArchiveEntryInput {
  actor: Actor;
  clock?: Clock;
  /** The register number; by default the next one of the year the copy was received. */
  number?: number;
  classId?: number | null;
  /** Required when there is no classId (e.g. a school-wide document). */
  classLabel?: string;
  periodId?: number | null;
  periodLabel?: string;
  documentTitle: string;
  /** What the document is: the school's retention period and place for it fill what is not given. */
  kind?: ArchiveKind;
  /** The printed document's id (the one on its pages and in its QR code). */
  documentRef?: string | null;
  pages: number;
  /** YYYY-MM-DD */
  receivedOn: string;
  handedOverBy: string;
  receivedBy: string;
  directorSigned?: boolean;
  stamped?: boolean;
  stitched?: boolean;
  folderNumber?: string | null;
  storagePlace?: string | null;
  /** YYYY-MM-DD */
  retentionUntil?: string | null;
  note?: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function invalid(field: string, expected: string, value: unknown): MoorError {
  return new MoorError(
    'BAD_INPUT',
    `Archive register: ${field} must be ${expected} (got ${JSON.stringify(value)}).`,
    {
      field,
    },
  );
}

function checkDate(field: string, value: string | null | undefined): void {
  if (value == null) return;
  if (!ISO_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw invalid(field, 'a date written YYYY-MM-DD', value);
  }
}

function checkNumber(field: string, value: number | undefined, least: number): void {
  if (value !== undefined && (!Number.isInteger(value) || value < least)) {
    throw invalid(field, `a whole number from ${least}`, value);
  }
}

function checkText(field: string, value: string | undefined): void {
  if (value?.trim() === '') throw invalid(field, 'filled in', value);
}

function assertNumberFree(mirror: Mirror, year: number, number: number, exceptId?: number): void {
  let query = mirror.db
    .selectFrom('archive_register')
    .select('id')
    .where('year', '=', year)
    .where('number', '=', number);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  if (mirror.first(query)) {
    throw new MoorError(
      'ARCHIVE_NUMBER_TAKEN',
      `Number ${number} is already used in the ${year} archive register.`,
      {
        year,
        number,
      },
    );
  }
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** Adds a certified copy to the archive register, numbered per year of receipt unless a number is given. */
export function addArchiveEntry(mirror: Mirror, input: ArchiveEntryInput): ArchiveEntry {
  assertAllowed(input.actor, 'registers.edit');
  checkDate('receivedOn', input.receivedOn);
  checkDate('retentionUntil', input.retentionUntil);
  checkNumber('pages', input.pages, 0);
  checkNumber('number', input.number, 1);
  checkText('documentTitle', input.documentTitle);
  checkText('handedOverBy', input.handedOverBy);
  checkText('receivedBy', input.receivedBy);
  const language = schoolLanguage(mirror);
  const klass = input.classId == null ? null : classLabel(mirror, input.classId, language);
  const period = input.periodId == null ? null : periodLabel(mirror, input.periodId, language);
  const classText = klass?.label ?? input.classLabel;
  const periodText = period?.label ?? input.periodLabel;
  if (classText === undefined || classText.trim() === '')
    throw invalid('classId or classLabel', 'given', classText);
  if (periodText === undefined || periodText.trim() === '')
    throw invalid('periodId or periodLabel', 'given', periodText);
  const now = (input.clock ?? systemClock)();
  const kept =
    input.kind === undefined ? undefined : archiveDefaultsFor(mirror, input.kind, input.receivedOn);
  return mirror.transaction(() => {
    const year = yearOf(input.receivedOn);
    const number = input.number ?? nextRegisterNumber(mirror, 'archive_register', year);
    assertNumberFree(mirror, year, number);
    const values = {
      year,
      number,
      academic_year_id: period?.academicYearId ?? klass?.academicYearId ?? null,
      class_id: input.classId ?? null,
      class_label: classText,
      period_id: input.periodId ?? null,
      period_label: periodText,
      document_title: input.documentTitle,
      document_ref: input.documentRef ?? null,
      pages: input.pages,
      received_on: input.receivedOn,
      handed_over_by: input.handedOverBy,
      received_by: input.receivedBy,
      director_signed: input.directorSigned ? 1 : 0,
      stamped: input.stamped ? 1 : 0,
      stitched: input.stitched ? 1 : 0,
      folder_number: input.folderNumber ?? null,
      storage_place: input.storagePlace === undefined ? (kept?.storagePlace ?? null) : input.storagePlace,
      retention_until:
        input.retentionUntil === undefined ? (kept?.retentionUntil ?? null) : input.retentionUntil,
      note: input.note ?? null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    const { lastInsertRowid: id } = mirror.run(mirror.db.insertInto('archive_register').values(values));
    appendAudit(
      mirror,
      { actor: input.actor, action: 'archive.add', entity: 'archive_register', entityId: id, after: values },
      now,
    );
    return { id, ...values };
  });
}

/** What the secretary may change on a register line after it was entered. */
export type ArchiveEntryChange = Partial<
  Pick<
    ArchiveEntryInput,
    | 'number'
    | 'pages'
    | 'directorSigned'
    | 'stamped'
    | 'stitched'
    | 'folderNumber'
    | 'storagePlace'
    | 'retentionUntil'
    | 'note'
  >
>;

export function updateArchiveEntry(
  mirror: Mirror,
  id: number,
  change: ArchiveEntryChange,
  actor: Actor,
  clock: Clock = systemClock,
): ArchiveEntry {
  assertAllowed(actor, 'registers.edit');
  checkNumber('number', change.number, 1);
  checkNumber('pages', change.pages, 0);
  checkDate('retentionUntil', change.retentionUntil);
  const now = clock();
  return mirror.transaction(() => {
    const before = mirror.first(mirror.db.selectFrom('archive_register').selectAll().where('id', '=', id));
    if (!before) throw new MoorError('NOT_FOUND', `There is no archive register line with id ${id}.`, { id });
    if (change.number !== undefined) assertNumberFree(mirror, before.year, change.number, id);
    const flag = (value: boolean | undefined) => (value === undefined ? undefined : value ? 1 : 0);
    const set = Object.fromEntries(
      Object.entries({
        number: change.number,
        pages: change.pages,
        director_signed: flag(change.directorSigned),
        stamped: flag(change.stamped),
        stitched: flag(change.stitched),
        folder_number: change.folderNumber,
        storage_place: change.storagePlace,
        retention_until: change.retentionUntil,
        note: change.note,
      }).filter(([, value]) => value !== undefined),
    );
    mirror.run(
      mirror.db
        .updateTable('archive_register')
        .set({ ...set, updated_at: now.toISOString() })
        .where('id', '=', id),
    );
    const after = mirror.first(mirror.db.selectFrom('archive_register').selectAll().where('id', '=', id));
    if (!after) throw new MoorError('NOT_FOUND', `There is no archive register line with id ${id}.`, { id });
    appendAudit(
      mirror,
      { actor, action: 'archive.update', entity: 'archive_register', entityId: id, before, after },
      now,
    );
    return after;
  });
}

export interface ArchiveFilter {
  year?: number;
  academicYearId?: number;
  classId?: number;
  periodId?: number;
  folderNumber?: string;
  /** Words to find in the class, period, title, document id, people, folder, place or note. */
  search?: string;
  receivedFrom?: string;
  receivedTo?: string;
  /** Only lines still missing the director's signature, the stamp or the stitching. */
  incomplete?: boolean;
  /** Only lines with (true) or without (false) the stitching, the stamp, the director's signature. */
  stitched?: boolean;
  stamped?: boolean;
  directorSigned?: boolean;
}

export function listArchiveRegister(mirror: Mirror, filter: ArchiveFilter = {}): ArchiveEntry[] {
  let query = mirror.db.selectFrom('archive_register').selectAll();
  if (filter.year !== undefined) query = query.where('year', '=', filter.year);
  if (filter.academicYearId !== undefined)
    query = query.where('academic_year_id', '=', filter.academicYearId);
  if (filter.classId !== undefined) query = query.where('class_id', '=', filter.classId);
  if (filter.periodId !== undefined) query = query.where('period_id', '=', filter.periodId);
  if (filter.folderNumber !== undefined) query = query.where('folder_number', '=', filter.folderNumber);
  if (filter.receivedFrom !== undefined) query = query.where('received_on', '>=', filter.receivedFrom);
  if (filter.receivedTo !== undefined) query = query.where('received_on', '<=', filter.receivedTo);
  if (filter.incomplete === true) {
    query = query.where((eb) =>
      eb.or([eb('director_signed', '=', 0), eb('stamped', '=', 0), eb('stitched', '=', 0)]),
    );
  }
  if (filter.stitched !== undefined) query = query.where('stitched', '=', filter.stitched ? 1 : 0);
  if (filter.stamped !== undefined) query = query.where('stamped', '=', filter.stamped ? 1 : 0);
  if (filter.directorSigned !== undefined)
    query = query.where('director_signed', '=', filter.directorSigned ? 1 : 0);
  const rows = mirror.all(query.orderBy('year').orderBy('number'));
  const words = filter.search?.toLocaleLowerCase().split(/\s+/).filter(Boolean) ?? [];
  if (words.length === 0) return rows;
  // Matched here rather than with SQL LIKE, which folds case only for ASCII and not for Cyrillic.
  return rows.filter((row) => {
    const text = [
      String(row.number),
      row.class_label,
      row.period_label,
      row.document_title,
      row.document_ref,
      row.handed_over_by,
      row.received_by,
      row.folder_number,
      row.storage_place,
      row.note,
    ]
      .filter((v) => v !== null)
      .join(' ')
      .toLocaleLowerCase();
    return words.every((word) => text.includes(word));
  });
}
