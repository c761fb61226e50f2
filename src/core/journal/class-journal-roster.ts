import type { Mirror } from '../db/mirror';
import type { ClassJournal, JournalStudent } from './class-journal-types';
import { fullName } from './person-name';

/** Class lists are in the Kyrgyz alphabet's order, whatever the class's language. */
export const collator = new Intl.Collator('ky', { sensitivity: 'base' });

/** The students enrolled at any time in the period, with their join and leave dates, in class-list order. */
export function loadRoster(
  mirror: Mirror,
  classId: number,
  period: ClassJournal['period'],
): JournalStudent[] {
  return mirror
    .all(
      mirror.db
        .selectFrom('enrollment as e')
        .innerJoin('student as s', 's.id', 'e.student_id')
        .select(['s.id', 's.last_name', 's.first_name', 's.middle_name', 'e.joined_on', 'e.left_on'])
        .where('e.class_id', '=', classId)
        .where('e.joined_on', '<=', period.endsOn)
        .where((eb) => eb.or([eb('e.left_on', 'is', null), eb('e.left_on', '>=', period.startsOn)])),
    )
    .map((s) => ({ id: s.id, fullName: fullName(s), joinedOn: s.joined_on, leftOn: s.left_on }))
    .sort((a, b) => collator.compare(a.fullName, b.fullName) || a.id - b.id);
}
