import fs from 'node:fs';
import type { Mirror } from '../../db/mirror';
import { MoorError } from '../../errors';
import { sha256Hex } from '../short-hash';
import { documentById } from './document-store';

export interface RecordedPdf {
  readonly documentId: string;
  readonly pages: number;
  readonly bytes: Buffer;
}

/**
 * The PDF of a printed document exactly as it was recorded: only a file the `document` table
 * names is read, and only if its SHA-256 is still the recorded one, so what is shown on screen is
 * what was printed (a file edited or replaced on disk is refused, not shown).
 */
export function readRecordedPdf(mirror: Mirror, documentId: string): RecordedPdf {
  const record = documentById(mirror, documentId);
  if (!record) {
    throw new MoorError('DOCUMENT_NOT_FOUND', `No printed document has the id ${documentId}.`, {
      documentId,
    });
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(record.pdf_path);
  } catch {
    throw new MoorError(
      'DOCUMENT_FILE_MISSING',
      `The PDF of document ${documentId} is no longer where it was written; print the copy again.`,
      { documentId },
    );
  }
  if (sha256Hex(bytes) !== record.sha256) {
    throw new MoorError(
      'DOCUMENT_FILE_CHANGED',
      `The PDF of document ${documentId} was changed on disk after printing (its SHA-256 is not the recorded one); print the copy again.`,
      { documentId },
    );
  }
  return { documentId, pages: record.pages, bytes };
}
