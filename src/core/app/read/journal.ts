import type { Mirror } from '../../db/mirror';
import type { ClassView, JournalGrid } from '../../../shared/views';

/** Every class with its teacher, its number of students and the subjects taught in it. */
export function journalClasses(mirror: Mirror): ClassView[] {
  const classes = mirror.all(
    mirror.db
      .selectFrom('class')
      .leftJoin('staff', 'staff.id', 'class.class_teacher_id')
      .select([
        'class.id',
        'class.grade',
        'class.letter',
        'class.language',
        'staff.last_name',
        'staff.first_name',
        (eb) =>
          eb
            .selectFrom('enrollment')
            .whereRef('enrollment.class_id', '=', 'class.id')
            .where('enrollment.left_on', 'is', null)
            .select((e) => e.fn.countAll<number>().as('n'))
            .as('students'),
      ])
      .orderBy('class.grade')
      .orderBy('class.letter'),
  );
  const subjects = mirror.all(
    mirror.db
      .selectFrom('teaching_assignment')
      .innerJoin('subject', 'subject.id', 'teaching_assignment.subject_id')
      .select(['teaching_assignment.class_id', 'subject.id', 'subject.name_ky', 'subject.name_ru'])
      .distinct()
      .orderBy('subject.name_ky'),
  );
  return classes.map((c) => ({
    id: c.id,
    grade: c.grade,
    letter: c.letter,
    language: c.language,
    classTeacher: c.last_name ? `${c.last_name} ${c.first_name ?? ''}`.trim() : null,
    students: c.students ?? 0,
    subjects: subjects
      .filter((s) => s.class_id === c.id)
      .map((s) => ({ id: s.id, nameKy: s.name_ky, nameRu: s.name_ru })),
  }));
}

export interface GridQuery {
  classId: number;
  subjectId: number;
  periodId: number | null;
}

/** Students × lessons of one class's subject, with marks, absences and the period finals. */
export function journalGrid(mirror: Mirror, query: GridQuery): JournalGrid {
  const period =
    query.periodId === null
      ? undefined
      : mirror.first(mirror.db.selectFrom('reporting_period').selectAll().where('id', '=', query.periodId));
  const students = mirror.all(
    mirror.db
      .selectFrom('enrollment')
      .innerJoin('student', 'student.id', 'enrollment.student_id')
      .where('enrollment.class_id', '=', query.classId)
      .select(['student.id', 'student.last_name', 'student.first_name'])
      .orderBy('student.last_name')
      .orderBy('student.first_name'),
  );
  let lessonQuery = mirror.db
    .selectFrom('lesson')
    .leftJoin('subgroup', 'subgroup.id', 'lesson.subgroup_id')
    .where('lesson.class_id', '=', query.classId)
    .where('lesson.subject_id', '=', query.subjectId)
    .select([
      'lesson.id',
      'lesson.date',
      'lesson.topic',
      'lesson.homework',
      'lesson.is_substitution',
      'subgroup.name as subgroup',
    ])
    .orderBy('lesson.date')
    .orderBy('lesson.lesson_number');
  if (period)
    lessonQuery = lessonQuery
      .where('lesson.date', '>=', period.starts_on)
      .where('lesson.date', '<=', period.ends_on);
  const lessons = mirror.all(lessonQuery);
  const lessonIds = new Set(lessons.map((l) => l.id));
  const inRange = <T extends { lesson_id: number }>(rows: T[]) =>
    rows.filter((r) => lessonIds.has(r.lesson_id));
  const byLesson = (table: 'mark' | 'attendance') =>
    mirror.db
      .selectFrom(table)
      .innerJoin('lesson', 'lesson.id', `${table}.lesson_id`)
      .where('lesson.class_id', '=', query.classId)
      .where('lesson.subject_id', '=', query.subjectId);
  const marks = inRange(
    mirror.all(
      byLesson('mark').select(['mark.lesson_id', 'mark.student_id', 'mark.value', 'mark.previous_value']),
    ),
  );
  const absences = inRange(
    mirror.all(
      byLesson('attendance').select([
        'attendance.lesson_id',
        'attendance.student_id',
        'attendance.kind',
        'attendance.reason',
      ]),
    ),
  );
  const cells = new Map<string, { studentId: number; lessonId: number; text: string; corrected: boolean }>();
  const cell = (studentId: number, lessonId: number) => {
    const key = `${studentId}:${lessonId}`;
    let found = cells.get(key);
    if (!found) {
      found = { studentId, lessonId, text: '', corrected: false };
      cells.set(key, found);
    }
    return found;
  };
  for (const a of absences)
    cell(a.student_id, a.lesson_id).text = a.kind === 'late' ? 'к' : (a.reason ?? 'Н');
  for (const m of marks) {
    const target = cell(m.student_id, m.lesson_id);
    target.text = target.text === '' ? m.value : `${target.text}/${m.value}`;
    if (m.previous_value !== null) target.corrected = true;
  }
  const finals = period
    ? mirror.all(
        mirror.db
          .selectFrom('period_final')
          .where('class_id', '=', query.classId)
          .where('subject_id', '=', query.subjectId)
          .where('period_id', '=', period.id)
          .select(['student_id', 'value']),
      )
    : [];
  return {
    students: students.map((s) => ({ id: s.id, name: `${s.last_name} ${s.first_name}` })),
    lessons: lessons.map((l) => ({
      id: l.id,
      date: l.date,
      topic: l.topic,
      homework: l.homework,
      isSubstitution: l.is_substitution === 1,
      subgroup: l.subgroup,
    })),
    cells: [...cells.values()],
    finals: finals.map((f) => ({ studentId: f.student_id, value: f.value })),
  };
}
