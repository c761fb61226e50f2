import type { Mirror } from '../db/mirror';
import { MoorError } from '../errors';
import { closeClass } from './close-store';
import { className, staffName } from './names';

/** A staff member by id, refusing an unknown one with a clear error. */
export function requireStaff(mirror: Mirror, staffId: number) {
  const row = mirror.first(mirror.db.selectFrom('staff').selectAll().where('id', '=', staffId));
  if (!row)
    throw new MoorError('TEACHER_NOT_FOUND', `There is no staff member #${staffId} in the mirror.`, {
      staffId,
    });
  return row;
}

/** A class of the close, refusing one that is unknown or outside the close. */
export function requireCloseClass(mirror: Mirror, closeId: number, classId: number) {
  const row = closeClass(mirror, closeId, classId);
  if (!row) {
    const known = mirror.first(
      mirror.db.selectFrom('class').select(['grade', 'letter']).where('id', '=', classId),
    );
    throw new MoorError(
      'CLOSE_CLASS_NOT_FOUND',
      known
        ? `Class ${className(known)} is not part of close ${closeId}.`
        : `There is no class #${classId} in the mirror.`,
      { closeId, classId },
    );
  }
  return row;
}

export { staffName };
