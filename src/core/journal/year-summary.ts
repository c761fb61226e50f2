import type { Mirror } from '../db/mirror';
import type { PeriodKind } from '../db/schema';
import { MoorError } from '../errors';
import { requireClass } from './require-class';
import type { ClassHeading, JournalStudent, Signatory } from './class-journal';
import { fullName, shortName } from './person-name';
import { readSchool } from '../settings/school';
import { getSetting } from '../settings/app-settings';

/**
 * The year-end summary of a class (жыйынтык ведомость): every student enrolled during the year,
 * every subject, the finals of each reporting period and the year mark.
 */
export interface YearSummary {
  readonly school: { readonly nameKy: string; readonly nameRu: string };
  readonly academicYear: {
    readonly id: number;
    readonly label: string;
    readonly startsOn: string;
    readonly endsOn: string;
  };
  readonly class: ClassHeading;
  readonly classTeacher: Signatory | null;
  readonly director: Signatory | null;
  /**
   * The class's periods, then the year: the two half-years for a class marked by half-year
   * (`halfYearGrades`), the four quarters for any other; a period of the other kind that has
   * finals for this class is kept, so no given final is left off the sheet.
   */
  readonly periods: readonly { readonly id: number; readonly kind: PeriodKind; readonly number: number }[];
  readonly subjects: readonly {
    readonly id: number;
    readonly nameKy: string;
    readonly nameRu: string;
    readonly shortKy: string;
    readonly shortRu: string;
  }[];
  readonly students: readonly JournalStudent[];
  readonly finals: readonly {
    readonly studentId: number;
    readonly subjectId: number;
    readonly periodId: number;
    readonly value: string;
  }[];
}

const collator = new Intl.Collator('ky', { sensitivity: 'base' });
const kindOrder: Record<PeriodKind, number> = { quarter: 0, half_year: 1, year: 2 };

export function loadYearSummary(mirror: Mirror, classId: number, academicYearId: number): YearSummary {
  const { db } = mirror;
  const klass = requireClass(mirror, classId);
  if (klass.academic_year_id !== academicYearId) {
    throw new MoorError(
      'CLASS_NOT_IN_YEAR',
      `Class ${classId} does not belong to academic year ${academicYearId}.`,
      {
        classId,
        academicYearId,
      },
    );
  }
  const year = mirror.first(db.selectFrom('academic_year').selectAll().where('id', '=', academicYearId));
  const school = readSchool(mirror);
  if (!year || !school)
    throw new MoorError('MIRROR_INCOMPLETE', 'The mirror has no school or academic year yet; sync it first.');
  const staff = mirror.all(
    db.selectFrom('staff').select(['id', 'last_name', 'first_name', 'middle_name', 'position']).orderBy('id'),
  );
  const signatory = (row: (typeof staff)[number] | undefined): Signatory | null =>
    row ? { id: row.id, fullName: fullName(row), shortName: shortName(row) } : null;

  const finals = mirror.all(
    db
      .selectFrom('period_final as f')
      .innerJoin('reporting_period as p', 'p.id', 'f.period_id')
      .select(['f.student_id', 'f.subject_id', 'f.period_id', 'f.value'])
      .where('f.class_id', '=', classId)
      .where('p.academic_year_id', '=', academicYearId)
      .orderBy('f.student_id')
      .orderBy('f.subject_id')
      .orderBy('f.period_id'),
  );
  const withFinals = new Set(finals.map((f) => f.period_id));
  const classKind = getSetting(mirror, 'checkRules').halfYearGrades.includes(klass.grade)
    ? 'half_year'
    : 'quarter';
  const periods = mirror
    .all(
      db
        .selectFrom('reporting_period')
        .select(['id', 'kind', 'number'])
        .where('academic_year_id', '=', academicYearId),
    )
    .filter((p) => p.kind === 'year' || p.kind === classKind || withFinals.has(p.id))
    .sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.number - b.number);

  const taught = new Set([
    ...mirror
      .all(db.selectFrom('teaching_assignment').select('subject_id').where('class_id', '=', classId))
      .map((r) => r.subject_id),
    ...finals.map((f) => f.subject_id),
  ]);
  const subjects = mirror
    .all(db.selectFrom('subject').selectAll().orderBy('id'))
    .filter((s) => taught.has(s.id))
    .map((s) => ({
      id: s.id,
      nameKy: s.name_ky,
      nameRu: s.name_ru,
      shortKy: s.short_ky,
      shortRu: s.short_ru,
    }));

  const students = mirror
    .all(
      db
        .selectFrom('enrollment as e')
        .innerJoin('student as s', 's.id', 'e.student_id')
        .select(['s.id', 's.last_name', 's.first_name', 's.middle_name', 'e.joined_on', 'e.left_on'])
        .where('e.class_id', '=', classId),
    )
    .map((s) => ({ id: s.id, fullName: fullName(s), joinedOn: s.joined_on, leftOn: s.left_on }))
    .sort((a, b) => collator.compare(a.fullName, b.fullName) || a.id - b.id);

  return {
    school: { nameKy: school.name_ky, nameRu: school.name_ru },
    academicYear: { id: year.id, label: year.label, startsOn: year.starts_on, endsOn: year.ends_on },
    class: { id: klass.id, grade: klass.grade, letter: klass.letter, language: klass.language },
    classTeacher: signatory(staff.find((s) => s.id === klass.class_teacher_id)),
    director: signatory(staff.find((s) => s.position === 'director')),
    periods,
    subjects,
    students,
    finals: finals.map((f) => ({
      studentId: f.student_id,
      subjectId: f.subject_id,
      periodId: f.period_id,
      value: f.value,
    })),
  };
}

export interface YearCounts {
  /** Students with year marks, all of them 5. */
  readonly excellent: number;
  /** Students with year marks of 4 and 5 only, at least one 4. */
  readonly goodAndExcellent: number;
  /** Students with at least one year mark of 2 (or lower). */
  readonly withTwo: number;
  /** Students with at least one year mark. */
  readonly assessed: number;
}

export function yearCounts(summary: YearSummary): YearCounts {
  const year = summary.periods.find((p) => p.kind === 'year');
  const byStudent = new Map<number, number[]>();
  for (const final of summary.finals) {
    if (final.periodId !== year?.id || !/^\d+$/.test(final.value)) continue;
    const marks = byStudent.get(final.studentId) ?? [];
    marks.push(Number(final.value));
    byStudent.set(final.studentId, marks);
  }
  let excellent = 0;
  let goodAndExcellent = 0;
  let withTwo = 0;
  for (const marks of byStudent.values()) {
    if (marks.every((m) => m === 5)) excellent += 1;
    else if (marks.every((m) => m >= 4)) goodAndExcellent += 1;
    if (marks.some((m) => m <= 2)) withTwo += 1;
  }
  return { excellent, goodAndExcellent, withTwo, assessed: byStudent.size };
}
