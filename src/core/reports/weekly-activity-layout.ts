import { common } from './columns';
import type { ColumnsLayout, TableLayout } from './layout';
import type { ReportChart, ReportTable } from './report-types';
import { reportWords } from './report-words';

const w = reportWords.weeklyActivity;

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
  lessons: { format: 'integer', header: w.lessons },
  marks: { format: 'integer', header: w.marks },
  corrections: { format: 'integer', header: w.corrections },
  attendance: {
    format: 'integer',
    header: w.attendanceEntries,
  },
  total: { format: 'integer', header: w.total },
} satisfies ColumnsLayout<ActivityDayRow & TeacherActivityRow>;

/** Every word the weekly activity report prints, and how its tables and charts are laid out. */
export const weeklyActivityLayout = {
  title: w.title,
  tables: {
    teachers: {
      title: w.byTeacher,
      columns: {
        teacher: { format: 'text', header: common.teacher },
        active_days: {
          format: 'integer',
          header: w.daysWithEntries,
        },
        idle_school_days: {
          format: 'integer',
          header: w.teachingDaysWithoutEntries,
        },
        ...entryColumns,
      },
    },
    days: {
      title: w.byDay,
      columns: {
        teacher: { format: 'text', header: common.teacher },
        date: { format: 'date', header: w.date },
        ...entryColumns,
      },
    },
  } satisfies { [K in keyof WeeklyActivityTables]: TableLayout<WeeklyActivityTables[K]['rows'][number]> },
  charts: [
    {
      id: 'entries-by-teacher',
      kind: 'bar',
      title: w.entries,
      tableId: 'teachers',
      categoryKey: 'teacher',
      seriesKeys: ['lessons', 'marks', 'attendance'],
      stacked: true,
    },
  ] satisfies ReportChart[],
  notes: [w.noteEnteredDay],
};
