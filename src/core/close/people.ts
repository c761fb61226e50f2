import type { Mirror } from '../db/mirror';
import { MoorError } from '../errors';
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
  const row = mirror.first(
    mirror.db
      .selectFrom('close_class')
      .innerJoin('class', 'class.id', 'close_class.class_id')
      .select(['class.id', 'class.grade', 'class.letter', 'class.class_teacher_id'])
      .where('close_class.close_id', '=', closeId)
      .where('close_class.class_id', '=', classId),
  );
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
