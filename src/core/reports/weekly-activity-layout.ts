import { common } from './columns';
import type { ColumnsLayout, TableLayout } from './layout';
import { text, type ReportChart, type ReportTable } from './report-types';

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

export type WeeklyActivityTables = {
  teachers: ReportTable<TeacherActivityRow>;
  days: ReportTable<ActivityDayRow>;
};

const entryColumns = {
  lessons: { format: 'integer', header: text('Сабактар', 'Уроки', 'Lessons') },
  marks: { format: 'integer', header: text('Баалар', 'Отметки', 'Marks') },
  corrections: { format: 'integer', header: text('Оңдоолор', 'Исправления', 'Corrections') },
  attendance: {
    format: 'integer',
    header: text('Катышуу белгилери', 'Отметки посещаемости', 'Attendance entries'),
  },
  total: { format: 'integer', header: text('Бардыгы', 'Всего', 'Total') },
} satisfies ColumnsLayout<ActivityDayRow & TeacherActivityRow>;

/** Every word the weekly activity report prints, and how its tables and charts are laid out. */
export const weeklyActivityLayout = {
  title: text(
    'Колдонуучулардын жумалык активдүүлүгү',
    'Еженедельная активность пользователей',
    'Weekly user activity',
  ),
  tables: {
    teachers: {
      title: text('Мугалимдер боюнча', 'По учителям', 'By teacher'),
      columns: {
        teacher: { format: 'text', header: common.teacher },
        active_days: {
          format: 'integer',
          header: text('Иштеген күндөр', 'Дней с записями', 'Days with entries'),
        },
        idle_school_days: {
          format: 'integer',
          header: text(
            'Сабак болуп, жазуу жок күндөр',
            'Дни с уроками без записей',
            'Teaching days without entries',
          ),
        },
        ...entryColumns,
      },
    },
    days: {
      title: text('Күндөр боюнча', 'По дням', 'By day'),
      columns: {
        teacher: { format: 'text', header: common.teacher },
        date: { format: 'date', header: text('Күнү', 'Дата', 'Date') },
        ...entryColumns,
      },
    },
  } satisfies { [K in keyof WeeklyActivityTables]: TableLayout<WeeklyActivityTables[K]['rows'][number]> },
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
  ] satisfies ReportChart[],
  notes: [
    text(
      'Жазуулар киргизилген күнү боюнча эсептелет (Бишкек убактысы), көчүрмө базага түшкөндөй.',
      'Записи считаются по дню ввода (время Бишкека), как их увидело зеркало при синхронизации.',
      'Entries are counted by the day they were entered (Bishkek time), as the mirror saw them.',
    ),
  ],
};
