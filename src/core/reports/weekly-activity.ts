import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { Mirror } from '../db/mirror';
import type { DB } from '../db/schema';
import { schoolDateSql } from '../rules/mark-deadlines';
import { eachDay } from './calendar';
import { totalLabel } from './columns';
import { scopeSummary, type ReportContext } from './context';
import { filledTable } from './layout';
import type { ReportResult } from './report-types';
import { tallier, type Tally } from './tally';
import {
  weeklyActivityLayout,
  type ActivityDayRow,
  type TeacherActivityRow,
  type WeeklyActivityTables,
} from './weekly-activity-layout';

export type { ActivityDayRow, TeacherActivityRow } from './weekly-activity-layout';

export type WeeklyActivityReport = ReportResult<WeeklyActivityTables>;

export const weeklyActivityTitle = weeklyActivityLayout.title;

type Kind = 'lessons' | 'marks' | 'corrections' | 'attendance';
type Entries = Record<Kind, number>;

/** One school day of one teacher: what they entered that day, and whether they taught. */
interface TeacherDay {
  readonly date: string;
  readonly entries: Entries | undefined;
  readonly taught: boolean;
}

/**
 * Instants are ISO text; a local day's instants all start with that day or the one before it
 * (UTC+6), so this plain range lets SQLite use an index before the exact local-day test.
 */
function enteredIn(column: string, from: string, to: string): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref(column)} >= date(${from}, '-1 day') AND ${sql.ref(column)} < date(${to}, '+1 day')
    AND ${schoolDateSql(column)} BETWEEN ${from} AND ${to})`;
}

/** Entries of a lesson query (joined to what was entered) per teacher and school day of `instantColumn`. */
function perTeacherDay<TB extends keyof DB>(
  mirror: Mirror,
  query: SelectQueryBuilder<DB, TB, object>,
  instantColumn: string,
  from: string,
  to: string,
): { teacher_id: number; day: string; n: number }[] {
  const teacher = sql<number>`lesson.teacher_id`;
  const day = schoolDateSql(instantColumn);
  return mirror.all(
    query
      .where(enteredIn(instantColumn, from, to))
      .select((eb) => [teacher.as('teacher_id'), day.as('day'), eb.fn.countAll<number>().as('n')])
      .groupBy([teacher, day]),
  );
}

/** Compute: what each teacher entered on each day of the scope, and the days they taught. */
function teacherDays(context: ReportContext): Map<number, TeacherDay[]> {
  const { mirror, scope } = context;
  const { from, to } = scope;
  const base = () => {
    let query = mirror.db.selectFrom('lesson');
    if (scope.classId !== null) query = query.where('lesson.class_id', '=', scope.classId);
    if (scope.subjectId !== null) query = query.where('lesson.subject_id', '=', scope.subjectId);
    if (scope.teacherId !== null) query = query.where('lesson.teacher_id', '=', scope.teacherId);
    return query;
  };
  const counts = new Map<string, Entries>();
  const add = (kind: Kind, rows: { teacher_id: number; day: string; n: number }[]) => {
    for (const row of rows) {
      const key = `${row.teacher_id}|${row.day}`;
      const entry = counts.get(key) ?? { lessons: 0, marks: 0, corrections: 0, attendance: 0 };
      entry[kind] += row.n;
      counts.set(key, entry);
    }
  };
  add('lessons', perTeacherDay(mirror, base(), 'lesson.entered_at', from, to));
  add(
    'marks',
    perTeacherDay(
      mirror,
      base().innerJoin('mark', 'mark.lesson_id', 'lesson.id'),
      'mark.entered_at',
      from,
      to,
    ),
  );
  add(
    'corrections',
    perTeacherDay(
      mirror,
      base()
        .innerJoin('mark', 'mark.lesson_id', 'lesson.id')
        .where(sql<boolean>`mark.changed_at > mark.entered_at`),
      'mark.changed_at',
      from,
      to,
    ),
  );
  add(
    'attendance',
    perTeacherDay(
      mirror,
      base().innerJoin('attendance', 'attendance.lesson_id', 'lesson.id'),
      'attendance.entered_at',
      from,
      to,
    ),
  );

  const teachingDays = new Set(
    mirror
      .all(
        base()
          .where('lesson.date', '>=', from)
          .where('lesson.date', '<=', to)
          .select(['lesson.teacher_id', 'lesson.date'])
          .distinct(),
      )
      .map((row) => `${row.teacher_id}|${row.date}`),
  );
  const teachers = new Set<number>(
    [...counts.keys(), ...teachingDays].map((key) => Number(key.split('|')[0])),
  );
  const days = eachDay(from, to);
  return new Map(
    [...teachers].map((teacherId) => [
      teacherId,
      days.map((date) => ({
        date,
        entries: counts.get(`${teacherId}|${date}`),
        taught: teachingDays.has(`${teacherId}|${date}`),
      })),
    ]),
  );
}

const entriesOn = (day: TeacherDay, kind: Kind) => day.entries?.[kind] ?? 0;
const totalOf = (entries: Entries) =>
  entries.lessons + entries.marks + entries.corrections + entries.attendance;

type ActivityKey = Exclude<keyof TeacherActivityRow, 'teacher'>;

/** A teacher's days: those with entries, the teaching days without any, and the entries by kind. */
const activity = tallier<TeacherDay, ActivityKey>({
  active_days: (day) => day.entries !== undefined,
  idle_school_days: (day) => day.entries === undefined && day.taught,
  lessons: (day) => entriesOn(day, 'lessons'),
  marks: (day) => entriesOn(day, 'marks'),
  corrections: (day) => entriesOn(day, 'corrections'),
  attendance: (day) => entriesOn(day, 'attendance'),
  total: (day) => (day.entries === undefined ? 0 : totalOf(day.entries)),
});

/**
 * Users' activity (I 6.1, weekly): what each teacher entered into the journal on each day, as
 * the mirror saw it — lessons, marks, corrections of marks, attendance — counted by the day of entry,
 * not by the day of the lesson. A teacher with no entries on a school day shows as idle.
 */
export function weeklyActivityFromContext(context: ReportContext): WeeklyActivityReport {
  const { scope, directory } = context;
  const teachers = [...teacherDays(context)].map(([teacherId, days]) => ({
    name: directory.staffName(teacherId),
    days,
    tally: activity.of(days),
  }));
  const school: Tally<ActivityKey> = activity.sum(teachers.map((t) => t.tally));

  const teacherRows: TeacherActivityRow[] = teachers
    .map((t) => ({ teacher: t.name, ...t.tally }))
    .sort((a, b) => a.teacher.localeCompare(b.teacher));
  const dayRows: ActivityDayRow[] = teachers
    .flatMap((t) =>
      t.days.flatMap(({ date, entries }) =>
        entries === undefined ? [] : [{ teacher: t.name, date, ...entries, total: totalOf(entries) }],
      ),
    )
    .sort((a, b) => a.teacher.localeCompare(b.teacher) || a.date.localeCompare(b.date));
  const { tables } = weeklyActivityLayout;
  return {
    name: 'weekly-activity',
    title: weeklyActivityLayout.title,
    scope: scopeSummary(scope),
    generatedAt: context.now.toISOString(),
    tables: {
      teachers: filledTable('teachers', tables.teachers, {
        rows: teacherRows,
        totals: { teacher: totalLabel(directory.language), ...school },
      }),
      days: filledTable('days', tables.days, { rows: dayRows, totals: null }),
    },
    charts: weeklyActivityLayout.charts,
    notes: weeklyActivityLayout.notes,
  };
}
