import type { Mirror } from '../db/mirror';
import { MoorError } from '../errors';

/** A class by id, refusing an unknown one (naming the input field that gave it, when one did). */
export function requireClass(mirror: Mirror, classId: number, field?: string) {
  const row = mirror.first(mirror.db.selectFrom('class').selectAll().where('id', '=', classId));
  if (!row) {
    throw new MoorError('CLASS_NOT_FOUND', `There is no class with id ${classId} in the mirror.`, {
      ...(field === undefined ? {} : { field }),
      classId,
    });
  }
  return row;
}
