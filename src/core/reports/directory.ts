import type { Mirror } from '../db/mirror';
import type { DocumentLanguage } from './report-types';
import type { ReportScope } from './scope';

/** The names a report prints next to its figures: classes, subjects, teachers, students. */
export interface ClassInfo {
  readonly id: number;
  readonly label: string;
  readonly grade: number;
  readonly classTeacherId: number | null;
}

export interface Directory {
  readonly language: DocumentLanguage;
  readonly classes: ReadonlyMap<number, ClassInfo>;
  readonly subjects: ReadonlyMap<number, string>;
  readonly staff: ReadonlyMap<number, string>;
  readonly students: ReadonlyMap<number, string>;
  className(id: number): string;
  subjectName(id: number): string;
  staffName(id: number | null): string;
  studentName(id: number): string;
}

/** "Асанов Айбек Нурланович" → "Асанов А. Н.": how registers name teachers. */
function shortName(last: string, first: string, middle: string | null): string {
  const initials = [first, middle ?? '']
    .filter((part) => part !== '')
    .map((part) => `${part.charAt(0)}.`)
    .join(' ');
  return initials === '' ? last : `${last} ${initials}`;
}

/** Loads the names for the scope's academic year (the scope's class only, when it names one). */
export function loadDirectory(mirror: Mirror, scope: ReportScope, language: DocumentLanguage): Directory {
  let classQuery = mirror.db
    .selectFrom('class')
    .select(['id', 'grade', 'letter', 'class_teacher_id'])
    .where('academic_year_id', '=', scope.academicYearId)
    .orderBy('grade')
    .orderBy('letter');
  if (scope.classId !== null) classQuery = classQuery.where('id', '=', scope.classId);
  const classes = new Map<number, ClassInfo>(
    mirror
      .all(classQuery)
      .map((c) => [
        c.id,
        { id: c.id, label: `${c.grade}${c.letter}`, grade: c.grade, classTeacherId: c.class_teacher_id },
      ]),
  );
  const subjects = new Map(
    mirror
      .all(mirror.db.selectFrom('subject').select(['id', 'name_ky', 'name_ru']))
      .map((s) => [s.id, language === 'ky' ? s.name_ky : s.name_ru]),
  );
  const staff = new Map(
    mirror
      .all(mirror.db.selectFrom('staff').select(['id', 'last_name', 'first_name', 'middle_name']))
      .map((s) => [s.id, shortName(s.last_name, s.first_name, s.middle_name)]),
  );
  const students = new Map(
    mirror
      .all(
        mirror.db
          .selectFrom('student')
          .innerJoin('enrollment', 'enrollment.student_id', 'student.id')
          .innerJoin('class', 'class.id', 'enrollment.class_id')
          .where('class.academic_year_id', '=', scope.academicYearId)
          .select(['student.id', 'student.last_name', 'student.first_name', 'student.middle_name'])
          .distinct(),
      )
      .map((s) => [s.id, [s.last_name, s.first_name, s.middle_name ?? ''].join(' ').trim()]),
  );
  return {
    language,
    classes,
    subjects,
    staff,
    students,
    className: (id) => classes.get(id)?.label ?? `#${id}`,
    subjectName: (id) => subjects.get(id) ?? `#${id}`,
    staffName: (id) => (id === null ? '' : (staff.get(id) ?? `#${id}`)),
    studentName: (id) => students.get(id) ?? `#${id}`,
  };
}

/** Class 1 is not marked and gets no homework (I 4 in docs/domain.md). */
export const FIRST_MARKED_GRADE = 2;

export function isMarkedClass(directory: Directory, classId: number): boolean {
  return (directory.classes.get(classId)?.grade ?? 0) >= FIRST_MARKED_GRADE;
}

/** Orders rows the way a school lists classes: by grade, then letter. */
export function classOrder(directory: Directory): (a: number, b: number) => number {
  const order = new Map([...directory.classes.keys()].map((id, index) => [id, index]));
  return (a, b) => (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER);
}
