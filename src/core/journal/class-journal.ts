import type { Mirror } from '../db/mirror';
import type { AbsenceReason, Language, PeriodKind } from '../db/schema';
import { MoorError } from '../errors';
import { fullName, shortName } from './person-name';
import { readSchool } from '../settings/school';

/**
 * The class journal of one class for one reporting period, as the paper copy shows it: the
 * students enrolled at any time in the period (with their join and leave dates), every subject
 * and subgroup with its lessons, marks, absences, period averages and finals, and the people who
 * sign. Plain JSON-friendly data: the class viewer and reports can reuse it, and its canonical
 * JSON is the data fingerprint of a printed copy.
 */
export interface ClassJournal {
  readonly school: { readonly nameKy: string; readonly nameRu: string; readonly documentLanguage: Language };
  readonly academicYear: { readonly id: number; readonly label: string; readonly startsOn: string };
  readonly period: {
    readonly id: number;
    readonly kind: PeriodKind;
    readonly number: number;
    readonly startsOn: string;
    readonly endsOn: string;
  };
  readonly class: {
    readonly id: number;
    readonly grade: number;
    readonly letter: string;
    readonly language: Language;
  };
  readonly classTeacher: Signatory | null;
  readonly deputy: Signatory | null;
  readonly director: Signatory | null;
  readonly students: readonly JournalStudent[];
  readonly subjects: readonly JournalSubject[];
  /** Missed lessons per student over all subjects of the period. */
  readonly absences: readonly StudentAbsences[];
}

export interface Signatory {
  readonly id: number;
  readonly fullName: string;
  readonly shortName: string;
}

export interface JournalStudent {
  readonly id: number;
  readonly fullName: string;
  readonly joinedOn: string;
  readonly leftOn: string | null;
}

export interface JournalLesson {
  readonly id: number;
  readonly date: string;
  readonly lessonNumber: number;
  readonly topic: string | null;
  readonly homework: string | null;
  readonly teacher: string;
  readonly isSubstitution: boolean;
}

export interface JournalEntry {
  readonly lessonId: number;
  readonly studentId: number;
  /** Marks given in that lesson, in the order they were entered. */
  readonly marks: readonly string[];
  readonly absence: AbsenceReason | null;
}

export interface JournalSubject {
  readonly subjectId: number;
  readonly nameKy: string;
  readonly nameRu: string;
  readonly shortKy: string;
  readonly shortRu: string;
  readonly subgroup: { readonly id: number; readonly name: string } | null;
  /** Who signs the subject's pages: the assigned teachers, or those who gave its lessons. */
  readonly teachers: readonly Signatory[];
  /** Students of the class (or subgroup) in this subject, in the class list order. */
  readonly studentIds: readonly number[];
  readonly lessons: readonly JournalLesson[];
  readonly entries: readonly JournalEntry[];
  /** Mean of the numeric marks of the period per student, or null without marks. */
  readonly averages: readonly { readonly studentId: number; readonly average: number | null }[];
  readonly finals: readonly { readonly studentId: number; readonly value: string | null }[];
}

export interface StudentAbsences {
  readonly studentId: number;
  readonly total: number;
  readonly ill: number;
  readonly excused: number;
  readonly unexcused: number;
  readonly late: number;
}

const collator = new Intl.Collator('ky', { sensitivity: 'base' });

export function loadClassJournal(mirror: Mirror, classId: number, periodId: number): ClassJournal {
  const { db } = mirror;
  const klass = mirror.first(db.selectFrom('class').selectAll().where('id', '=', classId));
  if (!klass)
    throw new MoorError('CLASS_NOT_FOUND', `There is no class with id ${classId} in the mirror.`, {
      classId,
    });
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

  const students = mirror
    .all(
      db
        .selectFrom('enrollment as e')
        .innerJoin('student as s', 's.id', 'e.student_id')
        .select(['s.id', 's.last_name', 's.first_name', 's.middle_name', 'e.joined_on', 'e.left_on'])
        .where('e.class_id', '=', classId)
        .where('e.joined_on', '<=', period.ends_on)
        .where((eb) => eb.or([eb('e.left_on', 'is', null), eb('e.left_on', '>=', period.starts_on)])),
    )
    .map((s) => ({ id: s.id, fullName: fullName(s), joinedOn: s.joined_on, leftOn: s.left_on }))
    .sort((a, b) => collator.compare(a.fullName, b.fullName) || a.id - b.id);
  const order = new Map(students.map((s, i) => [s.id, i]));

  const lessons = mirror.all(
    db
      .selectFrom('lesson')
      .select([
        'id',
        'subject_id',
        'subgroup_id',
        'teacher_id',
        'date',
        'lesson_number',
        'topic',
        'homework',
        'is_substitution',
      ])
      .where('class_id', '=', classId)
      .where('date', '>=', period.starts_on)
      .where('date', '<=', period.ends_on)
      .orderBy('date')
      .orderBy('lesson_number')
      .orderBy('id'),
  );
  const marks = mirror.all(
    db
      .selectFrom('mark as m')
      .innerJoin('lesson as l', 'l.id', 'm.lesson_id')
      .select(['m.lesson_id', 'm.student_id', 'm.value', 'm.numeric_value'])
      .where('l.class_id', '=', classId)
      .where('l.date', '>=', period.starts_on)
      .where('l.date', '<=', period.ends_on)
      .orderBy('m.lesson_id')
      .orderBy('m.entered_at')
      .orderBy('m.id'),
  );
  const attendance = mirror.all(
    db
      .selectFrom('attendance as a')
      .innerJoin('lesson as l', 'l.id', 'a.lesson_id')
      .select(['a.lesson_id', 'a.student_id', 'a.kind', 'a.reason'])
      .where('l.class_id', '=', classId)
      .where('l.date', '>=', period.starts_on)
      .where('l.date', '<=', period.ends_on),
  );
  const finals = mirror.all(
    db
      .selectFrom('period_final')
      .select(['student_id', 'subject_id', 'value'])
      .where('class_id', '=', classId)
      .where('period_id', '=', periodId),
  );
  const subjects = mirror.all(db.selectFrom('subject').selectAll().orderBy('id'));
  const subgroups = mirror.all(
    db.selectFrom('subgroup').select(['id', 'subject_id', 'name']).where('class_id', '=', classId),
  );
  const members = mirror.all(
    db
      .selectFrom('subgroup_member as m')
      .innerJoin('subgroup as g', 'g.id', 'm.subgroup_id')
      .select(['m.subgroup_id', 'm.student_id'])
      .where('g.class_id', '=', classId),
  );
  const assignments = mirror.all(
    db
      .selectFrom('teaching_assignment')
      .select(['subject_id', 'subgroup_id', 'teacher_id'])
      .where('class_id', '=', classId)
      .orderBy('id'),
  );

  const groupKey = (subjectId: number, subgroupId: number | null) => `${subjectId}:${subgroupId ?? ''}`;
  const groups = new Map<string, { subjectId: number; subgroupId: number | null }>();
  for (const row of [...assignments, ...lessons])
    groups.set(groupKey(row.subject_id, row.subgroup_id), {
      subjectId: row.subject_id,
      subgroupId: row.subgroup_id,
    });
  const subjectOrder = new Map(subjects.map((s, i) => [s.id, i]));
  const subgroupById = new Map(subgroups.map((g) => [g.id, g]));
  const sortedGroups = [...groups.values()].sort(
    (a, b) =>
      (subjectOrder.get(a.subjectId) ?? 0) - (subjectOrder.get(b.subjectId) ?? 0) ||
      collator.compare(
        subgroupById.get(a.subgroupId ?? -1)?.name ?? '',
        subgroupById.get(b.subgroupId ?? -1)?.name ?? '',
      ),
  );

  const attendanceByKey = new Map(attendance.map((a) => [`${a.lesson_id}:${a.student_id}`, a]));
  const marksByLesson = groupBy(marks, (m) => m.lesson_id);
  const inClass = (id: number) => order.has(id);

  const journalSubjects = sortedGroups.map(({ subjectId, subgroupId }): JournalSubject => {
    const subject = subjects.find((s) => s.id === subjectId);
    if (!subject)
      throw new MoorError('MIRROR_INCOMPLETE', `Subject ${subjectId} is missing from the mirror.`, {
        subjectId,
      });
    const subgroup = subgroupId === null ? null : (subgroupById.get(subgroupId) ?? null);
    const studentIds =
      subgroupId === null
        ? students.map((s) => s.id)
        : members
            .filter((m) => m.subgroup_id === subgroupId && inClass(m.student_id))
            .map((m) => m.student_id)
            .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    const groupLessons = lessons.filter((l) => l.subject_id === subjectId && l.subgroup_id === subgroupId);
    const teacherIds = new Set(
      assignments
        .filter((a) => a.subject_id === subjectId && a.subgroup_id === subgroupId)
        .map((a) => a.teacher_id),
    );
    if (teacherIds.size === 0)
      for (const lesson of groupLessons) if (lesson.is_substitution === 0) teacherIds.add(lesson.teacher_id);
    const entries: JournalEntry[] = [];
    const sums = new Map<number, { total: number; count: number }>();
    for (const lesson of groupLessons) {
      const lessonMarks = groupBy(marksByLesson.get(lesson.id) ?? [], (m) => m.student_id);
      for (const studentId of studentIds) {
        const given = lessonMarks.get(studentId) ?? [];
        const absence = attendanceByKey.get(`${lesson.id}:${studentId}`);
        const reason = absence?.kind === 'absent' ? absence.reason : null;
        if (given.length === 0 && reason === null) continue;
        entries.push({ lessonId: lesson.id, studentId, marks: given.map((m) => m.value), absence: reason });
        for (const mark of given) {
          if (mark.numeric_value === null) continue;
          const sum = sums.get(studentId) ?? { total: 0, count: 0 };
          sum.total += mark.numeric_value;
          sum.count += 1;
          sums.set(studentId, sum);
        }
      }
    }
    const finalBy = new Map(
      finals.filter((f) => f.subject_id === subjectId).map((f) => [f.student_id, f.value]),
    );
    return {
      subjectId,
      nameKy: subject.name_ky,
      nameRu: subject.name_ru,
      shortKy: subject.short_ky,
      shortRu: subject.short_ru,
      subgroup: subgroup ? { id: subgroup.id, name: subgroup.name } : null,
      teachers: [...teacherIds].map((id) => staff.get(id)).filter((s): s is Signatory => s !== undefined),
      studentIds,
      lessons: groupLessons.map((l) => ({
        id: l.id,
        date: l.date,
        lessonNumber: l.lesson_number,
        topic: l.topic,
        homework: l.homework,
        teacher: staff.get(l.teacher_id)?.shortName ?? '',
        isSubstitution: l.is_substitution === 1,
      })),
      entries,
      averages: studentIds.map((studentId) => {
        const sum = sums.get(studentId);
        return { studentId, average: sum ? Math.round((sum.total / sum.count) * 100) / 100 : null };
      }),
      finals: studentIds.map((studentId) => ({ studentId, value: finalBy.get(studentId) ?? null })),
    };
  });

  const absenceBy = new Map(
    students.map((s) => [s.id, { studentId: s.id, total: 0, ill: 0, excused: 0, unexcused: 0, late: 0 }]),
  );
  for (const row of attendance) {
    const counts = absenceBy.get(row.student_id);
    if (!counts) continue;
    if (row.kind === 'late') {
      counts.late += 1;
      continue;
    }
    counts.total += 1;
    if (row.reason === 'Б') counts.ill += 1;
    else if (row.reason === 'У') counts.excused += 1;
    else counts.unexcused += 1;
  }

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
    students,
    subjects: journalSubjects,
    absences: [...absenceBy.values()],
  };
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
