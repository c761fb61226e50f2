import type { Mirror } from '../../db/mirror';
import { MoorError } from '../../errors';
import { documentById } from '../records/document-store';

/**
 * A year-end summary sheet by its document id, refused when there is none or a newer print
 * replaced it: only the newest paper is signed by the director and filed by the secretary.
 */
export function currentSummarySheet(mirror: Mirror, documentId: string, purpose: 'sign' | 'file') {
  const sheet = documentById(mirror, documentId);
  if (sheet?.kind !== 'year_summary' || sheet.class_id === null) {
    throw new MoorError('DOCUMENT_NOT_FOUND', `There is no year-end summary sheet ${documentId}.`, {
      field: 'documentIds',
      documentId,
    });
  }
  if (sheet.superseded_by !== null) {
    throw new MoorError(
      'DOCUMENT_SUPERSEDED',
      `The summary sheet ${documentId} was replaced by ${sheet.superseded_by}; ${purpose} the newer sheet.`,
      { field: 'documentIds', documentId, supersededBy: sheet.superseded_by },
    );
  }
  return { ...sheet, class_id: sheet.class_id };
}
