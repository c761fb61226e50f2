import { sql, type RawBuilder } from 'kysely';
import type { ReportContext } from './context';
import {
  blank,
  countWhere,
  lessonEnteredLate,
  lessonsInScope,
  markIsBackdated,
  markIsCorrected,
  markIsLate,
} from './lesson-scope';
import { quartersOf } from './quarters';

/** What the journal shows for one journal, teacher and month: lessons and their marks and absences. */
export interface LessonFact {
  readonly classId: number;
  readonly subjectId: number;
  readonly subgroupId: number | null;
  readonly teacherId: number;
  /** 'YYYY-MM' of the lessons. */
  readonly month: string;
  readonly lessons: number;
  readonly noTopic: number;
  readonly noHomework: number;
  readonly lessonsLate: number;
  readonly substitutions: number;
  readonly marks: number;
  readonly lateMarks: number;
  readonly correctedMarks: number;
  readonly backdatedMarks: number;
  readonly absences: number;
}

const cache = new WeakMap<ReportContext, LessonFact[]>();

/**
 * One read of the scope's lessons that journal keeping and monthly filling both sum up. Marks and
 * absences are counted per lesson by subqueries on their lesson index, then grouped a few
 * thousand lesson rows at a time: far cheaper than sorting every mark of the period into groups.
 */
export function lessonFacts(context: ReportContext): LessonFact[] {
  const cached = cache.get(context);
  if (cached) return cached;
  const rows = context.mirror.all(lessonFactsQuery(context));
  const facts = rows.map((row) => ({
    classId: row.class_id,
    subjectId: row.subject_id,
    subgroupId: row.subgroup_id,
    teacherId: row.teacher_id,
    month: row.month,
    lessons: row.lessons,
    noTopic: row.no_topic,
    noHomework: row.no_homework,
    lessonsLate: row.lessons_late,
    substitutions: row.substitutions,
    marks: row.marks,
    lateMarks: row.late_marks,
    correctedMarks: row.corrected_marks,
    backdatedMarks: row.backdated_marks,
    absences: row.absences,
  }));
  cache.set(context, facts);
  return facts;
}

/** The query behind `lessonFacts`, for its plan to be pinned in tests. */
export function lessonFactsQuery(context: ReportContext) {
  const { mirror, scope } = context;
  const quarters = quartersOf(mirror, scope.academicYearId);
  const marksWhere = (condition: RawBuilder<number> | null) =>
    sql<number>`coalesce(sum((SELECT count(*) FROM mark WHERE mark.lesson_id = lesson.id${
      condition === null ? sql`` : sql` AND ${condition}`
    })), 0)`;
  return lessonsInScope(mirror.db, scope)
    .select((eb) => [
      'lesson.class_id',
      'lesson.subject_id',
      'lesson.subgroup_id',
      'lesson.teacher_id',
      sql<string>`substr(lesson.date, 1, 7)`.as('month'),
      eb.fn.countAll<number>().as('lessons'),
      countWhere(blank('lesson.topic')).as('no_topic'),
      countWhere(blank('lesson.homework')).as('no_homework'),
      countWhere(lessonEnteredLate).as('lessons_late'),
      eb.fn.sum<number>('lesson.is_substitution').as('substitutions'),
      marksWhere(null).as('marks'),
      marksWhere(markIsLate(context.markDeadlines)).as('late_marks'),
      marksWhere(markIsCorrected).as('corrected_marks'),
      marksWhere(markIsBackdated(quarters, context.markDeadlines)).as('backdated_marks'),
      sql<number>`coalesce(sum((SELECT count(*) FROM attendance a WHERE a.lesson_id = lesson.id AND a.kind = 'absent')), 0)`.as(
        'absences',
      ),
    ])
    .groupBy(['lesson.class_id', 'lesson.subject_id', 'lesson.subgroup_id', 'lesson.teacher_id', 'month']);
}
