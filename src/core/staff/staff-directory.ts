import type { Language } from '../db/schema';
import type { Mirror } from '../db/mirror';
import { MoorError } from '../errors';
import { className } from '../close/names';
import { fullName } from '../journal/person-name';
import type { ClassTeacherView, StaffDirectoryView, StaffMemberView } from '../../shared/staff-views';

const alphabet = new Intl.Collator('ky', { sensitivity: 'base' });

type StaffRow = {
  id: number;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  position: StaffMemberView['position'];
};

/** Named in full, as the printed copies name them: two teachers may share a last and first name. */
export function staffMemberView(row: StaffRow): StaffMemberView {
  return { id: row.id, name: fullName(row), position: row.position };
}

export function classTeacherView(row: {
  id: number;
  grade: number;
  letter: string;
  class_teacher_id: number | null;
  language: Language;
}): ClassTeacherView {
  return {
    classId: row.id,
    className: className(row),
    classTeacherId: row.class_teacher_id,
    language: row.language,
  };
}

/**
 * Everyone the mirror knows (by name) with their post, and the class teachers of one school
 * year's classes: when none is asked for, the latest year that has classes (a year added for
 * September has none until its first sync), or the latest of all.
 */
export function staffDirectory(mirror: Mirror, academicYearId: number | null): StaffDirectoryView {
  const staff = mirror.all(
    mirror.db
      .selectFrom('staff')
      .select(['id', 'last_name', 'first_name', 'middle_name', 'position'])
      .orderBy('id'),
  );
  const year =
    academicYearId === null
      ? latestYearWithClasses(mirror)
      : mirror.first(mirror.db.selectFrom('academic_year').select('id').where('id', '=', academicYearId));
  if (academicYearId !== null && !year) {
    throw new MoorError('NOT_FOUND', `There is no academic year ${academicYearId}.`, {
      field: 'academicYearId',
    });
  }
  const classes = year
    ? mirror.all(
        mirror.db
          .selectFrom('class')
          .select(['id', 'grade', 'letter', 'class_teacher_id', 'language'])
          .where('academic_year_id', '=', year.id)
          .orderBy('grade')
          .orderBy('letter'),
      )
    : [];
  return {
    // In the Kyrgyz alphabet's order (Ө after О, Ү after У), not by code points.
    staff: staff.map(staffMemberView).sort((a, b) => alphabet.compare(a.name, b.name)),
    academicYearId: year?.id ?? null,
    classes: classes.map(classTeacherView),
  };
}

function latestYearWithClasses(mirror: Mirror): { id: number } | undefined {
  const latest = (withClasses: boolean) =>
    mirror.first(
      mirror.db
        .selectFrom('academic_year')
        .select('id')
        .$if(withClasses, (q) =>
          q.where((eb) =>
            eb.exists(
              eb
                .selectFrom('class')
                .select('class.id')
                .whereRef('class.academic_year_id', '=', 'academic_year.id'),
            ),
          ),
        )
        .orderBy('starts_on', 'desc')
        .limit(1),
    );
  return latest(true) ?? latest(false);
}

/** A staff member by id, refusing an unknown one naming the input field that gave it. */
export function requireStaffMember(mirror: Mirror, staffId: number, field: string) {
  const row = mirror.first(
    mirror.db
      .selectFrom('staff')
      .select(['id', 'last_name', 'first_name', 'middle_name', 'position'])
      .where('id', '=', staffId),
  );
  if (!row) {
    throw new MoorError('STAFF_NOT_FOUND', `There is no staff member #${staffId} in the mirror.`, {
      field,
      staffId,
    });
  }
  return row;
}
