import type { Mirror } from '../../db/mirror';
import { MoorError } from '../../errors';
import type { JournalSheet } from './read';

export interface ClassQuarter {
  classId: number;
  className: string;
  academicYearId: number;
  yearStartsOn: string;
  quarter: number;
  periodId: number;
  startsOn: string;
  endsOn: string;
}

export interface EnrolledStudent {
  id: number;
  lastName: string;
  firstName: string;
  leftOn: string | null;
}

/** The date a day column stands for in an academic year that starts in `yearStartsOn`'s year. */
export function columnDate(yearStartsOn: string, month: number, day: number): string | undefined {
  const startYear = Number(yearStartsOn.slice(0, 4));
  const year = month >= 8 ? startYear : startYear + 1;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * Finds the class and quarter a workbook is about. The year is not written in the journal page:
 * it is the academic year whose quarter holds the sheet's dates.
 */
export function findClassQuarter(
  mirror: Mirror,
  target: { grade: number; letter: string; quarter: number },
  sheets: readonly JournalSheet[],
  fileName: string,
): ClassQuarter {
  const className = `${target.grade}${target.letter}`;
  const candidates = mirror.all(
    mirror.db
      .selectFrom('class')
      .innerJoin('academic_year', 'academic_year.id', 'class.academic_year_id')
      .innerJoin('reporting_period', 'reporting_period.academic_year_id', 'class.academic_year_id')
      .select([
        'class.id as classId',
        'class.academic_year_id as academicYearId',
        'academic_year.starts_on as yearStartsOn',
        'reporting_period.id as periodId',
        'reporting_period.starts_on as startsOn',
        'reporting_period.ends_on as endsOn',
      ])
      .where('class.grade', '=', target.grade)
      .where('class.letter', '=', target.letter)
      .where('reporting_period.kind', '=', 'quarter')
      .where('reporting_period.number', '=', target.quarter)
      .orderBy('academic_year.starts_on', 'desc'),
  );
  const latest = candidates[0];
  if (latest === undefined) {
    throw new MoorError(
      'WORKBOOK_CLASS',
      `${fileName}: class ${className} with a quarter ${target.quarter} is not in the mirror. ` +
        'Fill the school (classes, students, calendar) first from a bundle or from Kundoluk.',
      { file: fileName, class: className },
    );
  }
  const firstDay = sheets.flatMap((s) => s.days)[0];
  const holding =
    firstDay === undefined
      ? undefined
      : candidates.find((c) => {
          const date = columnDate(c.yearStartsOn, firstDay.month, firstDay.day);
          return date !== undefined && c.startsOn <= date && date <= c.endsOn;
        });
  return { ...(holding ?? latest), className, quarter: target.quarter };
}

export function enrolledStudents(mirror: Mirror, classId: number): EnrolledStudent[] {
  return mirror.all(
    mirror.db
      .selectFrom('enrollment')
      .innerJoin('student', 'student.id', 'enrollment.student_id')
      .select([
        'student.id as id',
        'student.last_name as lastName',
        'student.first_name as firstName',
        'enrollment.left_on as leftOn',
      ])
      .where('enrollment.class_id', '=', classId),
  );
}

/**
 * Finds the student a journal row names: "Фамилия И." (or a full first name). Only students
 * enrolled in the class are considered; a subgroup's sheet prefers the subgroup's members.
 */
export function matchStudent(
  written: string,
  students: readonly EnrolledStudent[],
  preferred: ReadonlySet<number> | undefined,
): EnrolledStudent[] {
  const match = /^(.+?)\s+([^\s.]+)\.?$/.exec(written);
  const lastName = (match ? (match[1] ?? '') : written).toLowerCase();
  const given = (match ? (match[2] ?? '') : '').toLowerCase();
  const found = students.filter(
    (s) => s.lastName.toLowerCase() === lastName && s.firstName.toLowerCase().startsWith(given),
  );
  if (found.length > 1 && preferred !== undefined) {
    const members = found.filter((s) => preferred.has(s.id));
    if (members.length > 0) return members;
  }
  return found;
}
