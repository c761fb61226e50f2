import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { Mirror } from '../db/mirror';
import type { DB } from '../db/schema';
import { eachDay } from './calendar';
import { column, commonColumn, totalLabel } from './columns';
import { scopeSummary, type ReportContext } from './context';
import { schoolDateSql } from '../rules/mark-deadlines';
import { text, type ReportResult, type ReportTable } from './report-types';

export type ActivityDayRow = {
  teacher: string;
  date: string;
  lessons: number;
  marks: number;
  corrections: number;
  attendance: number;
  total: number;
};

export type TeacherActivityRow = {
  teacher: string;
  active_days: number;
  idle_school_days: number;
  lessons: number;
  marks: number;
  corrections: number;
  attendance: number;
  total: number;
};

export type WeeklyActivityReport = ReportResult<{
  teachers: ReportTable<TeacherActivityRow>;
  days: ReportTable<ActivityDayRow>;
}>;

type Kind = 'lessons' | 'marks' | 'corrections' | 'attendance';

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

/**
 * Users' activity (I 6.1, weekly): what each teacher entered into the journal on each day, as
 * the mirror saw it — lessons, marks, corrections of marks, attendance — counted by the day of entry,
 * not by the day of the lesson. A teacher with no entries on a school day shows as idle.
 */
export function weeklyActivityFromContext(context: ReportContext): WeeklyActivityReport {
  const { mirror, scope, directory } = context;
  const { from, to } = scope;
  const base = () => {
    let query = mirror.db.selectFrom('lesson');
    if (scope.classId !== null) query = query.where('lesson.class_id', '=', scope.classId);
    if (scope.subjectId !== null) query = query.where('lesson.subject_id', '=', scope.subjectId);
    if (scope.teacherId !== null) query = query.where('lesson.teacher_id', '=', scope.teacherId);
    return query;
  };
  const counts = new Map<string, Record<Kind, number>>();
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
  const dayRows: ActivityDayRow[] = [];
  const teacherRows: TeacherActivityRow[] = [];
  const school: Omit<TeacherActivityRow, 'teacher'> = {
    active_days: 0,
    idle_school_days: 0,
    lessons: 0,
    marks: 0,
    corrections: 0,
    attendance: 0,
    total: 0,
  };
  const days = eachDay(from, to);
  for (const teacherId of teachers) {
    const name = directory.staffName(teacherId);
    const row: TeacherActivityRow = {
      teacher: name,
      active_days: 0,
      idle_school_days: 0,
      lessons: 0,
      marks: 0,
      corrections: 0,
      attendance: 0,
      total: 0,
    };
    for (const day of days) {
      const entry = counts.get(`${teacherId}|${day}`);
      const taught = teachingDays.has(`${teacherId}|${day}`);
      if (!entry) {
        if (taught) row.idle_school_days += 1;
        continue;
      }
      const total = entry.lessons + entry.marks + entry.corrections + entry.attendance;
      dayRows.push({ teacher: name, date: day, ...entry, total });
      row.active_days += 1;
      row.lessons += entry.lessons;
      row.marks += entry.marks;
      row.corrections += entry.corrections;
      row.attendance += entry.attendance;
      row.total += total;
    }
    teacherRows.push(row);
    for (const key of Object.keys(school) as (keyof typeof school)[]) school[key] += row[key];
  }
  teacherRows.sort((a, b) => a.teacher.localeCompare(b.teacher));
  dayRows.sort((a, b) => a.teacher.localeCompare(b.teacher) || a.date.localeCompare(b.date));
  const entryColumns = [
    column<ActivityDayRow>('lessons', 'integer', 'Сабактар', 'Уроки', 'Lessons'),
    column<ActivityDayRow>('marks', 'integer', 'Баалар', 'Отметки', 'Marks'),
    column<ActivityDayRow>('corrections', 'integer', 'Оңдоолор', 'Исправления', 'Corrections'),
    column<ActivityDayRow>(
      'attendance',
      'integer',
      'Катышуу белгилери',
      'Отметки посещаемости',
      'Attendance entries',
    ),
    column<ActivityDayRow>('total', 'integer', 'Бардыгы', 'Всего', 'Total'),
  ];
  return {
    name: 'weekly-activity',
    title: weeklyActivityTitle,
    scope: scopeSummary(scope),
    generatedAt: context.now.toISOString(),
    tables: {
      teachers: {
        id: 'teachers',
        title: text('Мугалимдер боюнча', 'По учителям', 'By teacher'),
        columns: [
          commonColumn('teacher', 'teacher'),
          column('active_days', 'integer', 'Иштеген күндөр', 'Дней с записями', 'Days with entries'),
          column(
            'idle_school_days',
            'integer',
            'Сабак болуп, жазуу жок күндөр',
            'Дни с уроками без записей',
            'Teaching days without entries',
          ),
          ...entryColumns,
        ],
        rows: teacherRows,
        totals: { teacher: totalLabel(directory.language), ...school },
      },
      days: {
        id: 'days',
        title: text('Күндөр боюнча', 'По дням', 'By day'),
        columns: [
          commonColumn('teacher', 'teacher'),
          column('date', 'date', 'Күнү', 'Дата', 'Date'),
          ...entryColumns,
        ],
        rows: dayRows,
        totals: null,
      },
    },
    charts: [
      {
        id: 'entries-by-teacher',
        kind: 'bar',
        title: text('Жазуулар', 'Записи', 'Entries'),
        tableId: 'teachers',
        categoryKey: 'teacher',
        seriesKeys: ['lessons', 'marks', 'attendance'],
        stacked: true,
      },
    ],
    notes: [
      text(
        'Жазуулар киргизилген күнү боюнча эсептелет (Бишкек убактысы), көчүрмө базага түшкөндөй.',
        'Записи считаются по дню ввода (время Бишкека), как их увидело зеркало при синхронизации.',
        'Entries are counted by the day they were entered (Bishkek time), as the mirror saw them.',
      ),
    ],
  };
}

export const weeklyActivityTitle = text(
  'Колдонуучулардын жумалык активдүүлүгү',
  'Еженедельная активность пользователей',
  'Weekly user activity',
);
