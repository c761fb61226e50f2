import type { Mirror } from '../db/mirror';
import { MoorError } from '../errors';
import { requireClass } from './require-class';
import { readSchool } from '../settings/school';
import type { ClassJournal, Signatory } from './class-journal-types';
import { fullName, shortName } from './person-name';

/** What a copy's title page names, and every member of staff as a copy signs them. */
export interface JournalHeader extends Pick<
  ClassJournal,
  'school' | 'academicYear' | 'period' | 'class' | 'classTeacher' | 'deputy' | 'director'
> {
  readonly staff: ReadonlyMap<number, Signatory>;
}

/** The class, its period, year and school, and the people who sign: refused when they do not belong together. */
export function loadJournalHeader(mirror: Mirror, classId: number, periodId: number): JournalHeader {
  const { db } = mirror;
  const klass = requireClass(mirror, classId);
  const period = mirror.first(db.selectFrom('reporting_period').selectAll().where('id', '=', periodId));
  if (!period)
    throw new MoorError('PERIOD_NOT_FOUND', `There is no reporting period with id ${periodId}.`, {
      periodId,
    });
  if (period.academic_year_id !== klass.academic_year_id) {
    throw new MoorError(
      'PERIOD_NOT_IN_CLASS_YEAR',
      `Period ${periodId} belongs to another academic year than class ${classId}.`,
      {
        classId,
        periodId,
      },
    );
  }
  const year = mirror.first(
    db.selectFrom('academic_year').selectAll().where('id', '=', klass.academic_year_id),
  );
  const school = readSchool(mirror);
  if (!year || !school)
    throw new MoorError('MIRROR_INCOMPLETE', 'The mirror has no school or academic year yet; sync it first.');

  const staffRows = mirror.all(
    db.selectFrom('staff').select(['id', 'last_name', 'first_name', 'middle_name', 'position']).orderBy('id'),
  );
  const staff = new Map(
    staffRows.map((s) => [s.id, { id: s.id, fullName: fullName(s), shortName: shortName(s) }]),
  );
  const firstWith = (position: string): Signatory | null => {
    const row = staffRows.find((s) => s.position === position);
    return row ? (staff.get(row.id) ?? null) : null;
  };
  return {
    school: { nameKy: school.name_ky, nameRu: school.name_ru, documentLanguage: school.document_language },
    academicYear: { id: year.id, label: year.label, startsOn: year.starts_on },
    period: {
      id: period.id,
      kind: period.kind,
      number: period.number,
      startsOn: period.starts_on,
      endsOn: period.ends_on,
    },
    class: { id: klass.id, grade: klass.grade, letter: klass.letter, language: klass.language },
    classTeacher: klass.class_teacher_id === null ? null : (staff.get(klass.class_teacher_id) ?? null),
    deputy: firstWith('deputy'),
    director: firstWith('director'),
    staff,
  };
}
