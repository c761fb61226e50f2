import { parseSchoolYearLabel, schoolYearLabel } from '../../../shared/school-year';
import type { Mirror } from '../../db/mirror';
import { MoorError } from '../../errors';

/** A school year that has classes with a summary sheet (grades 2-11), and those classes. */
export interface SummaryYear {
  readonly id: number;
  readonly label: string;
}

export interface SummaryClass {
  readonly id: number;
  readonly name: string;
}

/** The school years that have classes 2-11, the latest first: the first is the default to print. */
export function summaryYears(mirror: Mirror): SummaryYear[] {
  return mirror.all(
    mirror.db
      .selectFrom('academic_year as y')
      .select(['y.id', 'y.label'])
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('class as c')
            .select('c.id')
            .whereRef('c.academic_year_id', '=', 'y.id')
            .where('c.grade', '>=', 2),
        ),
      )
      .orderBy('y.starts_on', 'desc'),
  );
}

/** The year named by its label in any dash ("2025-2026", "2025–2026"), or the latest with classes when none is named. */
export function summaryYear(mirror: Mirror, label: string | undefined): SummaryYear {
  const years = summaryYears(mirror);
  if (label === undefined) {
    const latest = years[0];
    if (!latest) throw new MoorError('PERIOD_NOT_FOUND', 'The mirror has no school year with classes 2-11.');
    return latest;
  }
  const first = parseSchoolYearLabel(label);
  if (first === null) {
    throw new MoorError('BAD_INPUT', `The school year must be written like 2025-2026 (got "${label}").`, {
      field: 'year',
    });
  }
  const wanted = schoolYearLabel(first);
  const year = years.find((y) => parseSchoolYearLabel(y.label) === first);
  if (!year) {
    throw new MoorError('PERIOD_NOT_FOUND', `The mirror has no school year ${wanted} with classes 2-11.`, {
      field: 'year',
    });
  }
  return year;
}

/** The classes of a year that get a summary sheet (class 1 is not marked), in grade and letter order. */
export function summaryClasses(mirror: Mirror, academicYearId: number): SummaryClass[] {
  return mirror
    .all(
      mirror.db
        .selectFrom('class')
        .select(['id', 'grade', 'letter'])
        .where('academic_year_id', '=', academicYearId)
        .where('grade', '>=', 2)
        .orderBy('grade')
        .orderBy('letter'),
    )
    .map((c) => ({ id: c.id, name: `${c.grade}${c.letter}` }));
}
