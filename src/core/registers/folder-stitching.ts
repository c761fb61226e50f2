import { appendAudit } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import { assertAllowed } from '../auth/permissions';
import type { Clock } from '../clock';
import type { Mirror } from '../db/mirror';
import { MoorError } from '../errors';

export interface FolderStitching {
  /** The school year the folder belongs to: folders are numbered 1, 2, … again every year. */
  academicYearId: number;
  folderNumber: string;
  /** Where the stitched folder is placed: a cupboard, a shelf, the archive room. */
  storagePlace: string;
}

/**
 * The secretary stitches a whole folder and places it: every line filed in it is marked stitched
 * and given the place, at once, or none is. A folder is stitched once its copies are signed by the
 * director and sealed (I 5.2, secretary a); one that still lacks a signature or the seal is refused,
 * naming the lines.
 */
export function markFolderStitched(
  mirror: Mirror,
  folder: FolderStitching,
  actor: Actor,
  clock: Clock,
): number[] {
  assertAllowed(actor, 'registers.edit');
  const storagePlace = folder.storagePlace.trim();
  if (storagePlace === '') {
    throw new MoorError('BAD_INPUT', 'Say where the stitched folder is placed.', { field: 'storagePlace' });
  }
  const at = clock();
  return mirror.transaction(() => {
    const lines = mirror.all(
      mirror.db
        .selectFrom('archive_register')
        .selectAll()
        .where('academic_year_id', '=', folder.academicYearId)
        .where('folder_number', '=', folder.folderNumber)
        .orderBy('year')
        .orderBy('number'),
    );
    if (lines.length === 0) {
      throw new MoorError(
        'NOT_FOUND',
        `There is no folder ${folder.folderNumber} in the archive register of that school year.`,
        { field: 'folderNumber', ...folder },
      );
    }
    const unready = lines.filter((line) => line.director_signed === 0 || line.stamped === 0);
    if (unready.length > 0) {
      const numbers = unready.map((line) => `${line.number}/${line.year}`);
      throw new MoorError(
        'FOLDER_NOT_READY',
        `Folder ${folder.folderNumber} holds copies not yet signed by the director or sealed: ${numbers.join(', ')}.`,
        { field: 'folderNumber', folderNumber: folder.folderNumber, lines: numbers.join(', ') },
      );
    }
    mirror.run(
      mirror.db
        .updateTable('archive_register')
        .set({ stitched: 1, storage_place: storagePlace, updated_at: at.toISOString() })
        .where(
          'id',
          'in',
          lines.map((line) => line.id),
        ),
    );
    appendAudit(
      mirror,
      {
        actor,
        action: 'archive.folderStitched',
        entity: 'archive_register',
        before: lines.map((line) => ({
          id: line.id,
          stitched: line.stitched,
          storagePlace: line.storage_place,
        })),
        after: { ...folder, storagePlace, stitched: 1, lines: lines.map((line) => line.id) },
      },
      at,
    );
    return lines.map((line) => line.id);
  });
}
