import type { ExpressionBuilder } from 'kysely';
import type { Mirror } from '../db/mirror';
import type { LessonTable } from '../db/schema';
import type { ClassJournal } from './class-journal-types';

/** What was recorded in a class's lessons of a period: the lessons, their marks and attendance. */
export interface LessonFacts {
  readonly lessons: LessonFact[];
  readonly marks: MarkFact[];
  readonly attendance: AttendanceFact[];
}

export type LessonFact = ReturnType<typeof lessonsOf>[number];
export type MarkFact = ReturnType<typeof marksOf>[number];
export type AttendanceFact = ReturnType<typeof attendanceOf>[number];

/** A final of the period, of one student in one subject. */
export interface PeriodFinal {
  readonly student_id: number;
  readonly subject_id: number;
  readonly value: string;
}

type Period = ClassJournal['period'];

function lessonsOf(mirror: Mirror, classId: number, period: Period) {
  return mirror.all(
    mirror.db
      .selectFrom('lesson as l')
      .select([
        'l.id',
        'l.subject_id',
        'l.subgroup_id',
        'l.teacher_id',
        'l.date',
        'l.lesson_number',
        'l.topic',
        'l.homework',
        'l.is_substitution',
      ])
      .where((eb) => lessonOfClassPeriod(eb, classId, period))
      .orderBy('l.date')
      .orderBy('l.lesson_number')
      .orderBy('l.id'),
  );
}

/** The joined lesson `l` was given to the class within the period. */
function lessonOfClassPeriod(
  eb: ExpressionBuilder<{ l: LessonTable }, 'l'>,
  classId: number,
  period: Period,
) {
  return eb.and([
    eb('l.class_id', '=', classId),
    eb('l.date', '>=', period.startsOn),
    eb('l.date', '<=', period.endsOn),
  ]);
}

/** A lesson's marks in the order they were entered. */
function marksOf(mirror: Mirror, classId: number, period: Period) {
  return mirror.all(
    mirror.db
      .selectFrom('mark as m')
      .innerJoin('lesson as l', 'l.id', 'm.lesson_id')
      .select(['m.lesson_id', 'm.student_id', 'm.value', 'm.numeric_value'])
      .where((eb) => lessonOfClassPeriod(eb, classId, period))
      .orderBy('m.lesson_id')
      .orderBy('m.entered_at')
      .orderBy('m.id'),
  );
}

function attendanceOf(mirror: Mirror, classId: number, period: Period) {
  return mirror.all(
    mirror.db
      .selectFrom('attendance as a')
      .innerJoin('lesson as l', 'l.id', 'a.lesson_id')
      .select(['a.lesson_id', 'a.student_id', 'a.kind', 'a.reason'])
      .where((eb) => lessonOfClassPeriod(eb, classId, period)),
  );
}

export function loadLessonFacts(mirror: Mirror, classId: number, period: Period): LessonFacts {
  return {
    lessons: lessonsOf(mirror, classId, period),
    marks: marksOf(mirror, classId, period),
    attendance: attendanceOf(mirror, classId, period),
  };
}

export function loadPeriodFinals(mirror: Mirror, classId: number, periodId: number): PeriodFinal[] {
  return mirror.all(
    mirror.db
      .selectFrom('period_final')
      .select(['student_id', 'subject_id', 'value'])
      .where('class_id', '=', classId)
      .where('period_id', '=', periodId),
  );
}
