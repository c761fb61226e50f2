import type { Mirror } from '../../db/mirror';
import { MoorError } from '../../errors';
import { listChanges } from '../../mirror/changes';
import type { CopyCheckView } from '../../../shared/document-views';
import { keyboardKeys, readCopyCode } from '../copy-code';
import { documentById, type DocumentRecord } from './document-store';

/**
 * A paper page checked against the archive: the code on the page (typed, or scanned from its QR
 * code) names the printed document and the page; the answer says whether that copy is the one in
 * force, which print replaced it or that its close was cancelled, whether the journal data changed
 * since it was printed, and where the archive register files it.
 */
export function checkCopy(mirror: Mirror, code: string): CopyCheckView {
  const read = readCopyCode(code);
  if (read === null) throw unknown(code);
  const record = findDocument(mirror, read.idKeys);
  if (!record) throw unknown(code);
  if (read.shortHash !== null && !record.data_fingerprint.startsWith(read.shortHash)) {
    throw new MoorError(
      'COPY_CODE_MISMATCH',
      `The code "${code}" names copy ${record.id}, but its fingerprint ${read.shortHash} is not that copy's (${record.data_fingerprint.slice(0, 12)}): the page is not from the recorded copy.`,
      { field: 'code', documentId: record.id },
    );
  }
  if (read.page !== null && (read.page < 1 || read.page > record.pages)) {
    throw new MoorError(
      'COPY_CODE_MISMATCH',
      `The code "${code}" names page ${read.page}, but copy ${record.id} has ${record.pages} pages.`,
      { field: 'code', documentId: record.id },
    );
  }
  const where = placeOf(mirror, record);
  return {
    documentId: record.id,
    kind: record.kind,
    language: record.language,
    ...where,
    page: read.page,
    pages: record.pages,
    status: record.superseded_by !== null ? 'superseded' : voided(mirror, record.id) ? 'voided' : 'current',
    supersededBy: record.superseded_by,
    currentId: inForce(mirror, record),
    printedAt: record.created_at,
    dataAsOf: record.data_as_of,
    changesSincePrint: changesAfter(mirror, record),
    archive: archiveLine(mirror, record.id),
  };
}

function unknown(code: string): MoorError {
  return new MoorError(
    'COPY_CODE_UNKNOWN',
    `No printed copy has the code "${code}": type the code under the page's footer line, or scan its QR code.`,
    { field: 'code' },
  );
}

/** The document whose id, read as keyboard keys, is the one typed (see `keyboardKeys`). */
function findDocument(mirror: Mirror, idKeys: string): DocumentRecord | undefined {
  const ids = mirror.all(mirror.db.selectFrom('document').select('id'));
  const found = ids.find((row) => keyboardKeys(row.id) === idKeys);
  return found ? documentById(mirror, found.id) : undefined;
}

function placeOf(
  mirror: Mirror,
  record: DocumentRecord,
): Pick<CopyCheckView, 'className' | 'academicYear' | 'period'> {
  const klass =
    record.class_id === null
      ? undefined
      : mirror.first(
          mirror.db.selectFrom('class').select(['grade', 'letter']).where('id', '=', record.class_id),
        );
  const period =
    record.period_id === null
      ? undefined
      : mirror.first(
          mirror.db
            .selectFrom('reporting_period')
            .select(['kind', 'number'])
            .where('id', '=', record.period_id),
        );
  const year =
    record.academic_year_id === null
      ? undefined
      : mirror.first(
          mirror.db.selectFrom('academic_year').select('label').where('id', '=', record.academic_year_id),
        );
  return {
    className: klass ? `${klass.grade}${klass.letter}` : null,
    academicYear: year?.label ?? null,
    period: period ? { kind: period.kind, number: period.number } : null,
  };
}

/** The print in force at the end of the chain of re-prints that replaced this one. */
function inForce(mirror: Mirror, record: DocumentRecord): string | null {
  let current = record;
  const seen = new Set<string>();
  while (current.superseded_by !== null && !seen.has(current.id)) {
    seen.add(current.id);
    const next = documentById(mirror, current.superseded_by);
    if (!next) return null;
    current = next;
  }
  return current.id;
}

/**
 * A copy printed for a close that was then cancelled, and taken up by no close since: the
 * cancellation's audit entry keeps the items it removed, the print among them.
 */
function voided(mirror: Mirror, documentId: string): boolean {
  const inUse = mirror.first(
    mirror.db.selectFrom('close_item').select('id').where('document_id', '=', documentId).limit(1),
  );
  if (inUse) return false;
  const cancelled = mirror.first(
    mirror.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'close.cancel')
      .where('before_json', 'like', `%"document_id":${JSON.stringify(documentId)}%`)
      .limit(1),
  );
  return cancelled !== undefined;
}

/** Entries of the copy's class (and period) the mirror saw change after it was printed, each once. */
function changesAfter(mirror: Mirror, record: DocumentRecord): number {
  if (record.class_id === null) return 0;
  const changes = listChanges(mirror, {
    classId: record.class_id,
    since: record.created_at,
    ...(record.period_id === null ? {} : { periodId: record.period_id }),
  });
  return new Set(changes.map((c) => `${c.entity}:${c.entityId}`)).size;
}

function archiveLine(mirror: Mirror, documentId: string): CopyCheckView['archive'] {
  const line = mirror.first(
    mirror.db
      .selectFrom('archive_register')
      .select(['year', 'number', 'folder_number', 'storage_place', 'retention_until', 'stitched'])
      .where('document_ref', '=', documentId)
      .orderBy('id', 'desc')
      .limit(1),
  );
  if (!line) return null;
  return {
    year: line.year,
    number: line.number,
    folderNumber: line.folder_number,
    storagePlace: line.storage_place,
    retentionUntil: line.retention_until,
    stitched: line.stitched === 1,
  };
}
