import type { Mirror } from '../db/mirror';
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
      .where('date', '>=', period.startsOn)
      .where('date', '<=', period.endsOn)
      .orderBy('date')
      .orderBy('lesson_number')
      .orderBy('id'),
  );
}

/** A lesson's marks in the order they were entered. */
function marksOf(mirror: Mirror, classId: number, period: Period) {
  return mirror.all(
    mirror.db
      .selectFrom('mark as m')
      .innerJoin('lesson as l', 'l.id', 'm.lesson_id')
      .select(['m.lesson_id', 'm.student_id', 'm.value', 'm.numeric_value'])
      .where('l.class_id', '=', classId)
      .where('l.date', '>=', period.startsOn)
      .where('l.date', '<=', period.endsOn)
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
      .where('l.class_id', '=', classId)
      .where('l.date', '>=', period.startsOn)
      .where('l.date', '<=', period.endsOn),
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
