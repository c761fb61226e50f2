import { common, journalColumnsLayout } from './columns';
import type { ColumnsLayout, TableLayout } from './layout';
import type { ReportChart, ReportTable } from './report-types';
import { reportWords } from './report-words';

const w = reportWords.markAccumulation;

export type AccumulationRow = {
  class: string;
  subject: string;
  subgroup: string;
  teacher: string;
  weekly_hours: number | null;
  students: number;
  marks: number;
  marks_per_student: number | null;
  marks_per_week: number | null;
  load_ratio_pct: number | null;
  no_marks: number;
  no_marks_pct: number | null;
  one_mark: number;
  one_mark_pct: number | null;
};

export type ClassAccumulationRow = {
  class: string;
  students: number;
  pairs: number;
  marks: number;
  marks_per_student: number | null;
  no_marks: number;
  no_marks_pct: number | null;
  one_mark: number;
  one_mark_pct: number | null;
  students_with_gap: number;
};

export type FewMarksRow = { class: string; student: string; subject: string; marks: number };

export type MarkAccumulationTables = {
  journals: ReportTable<AccumulationRow>;
  classes: ReportTable<ClassAccumulationRow>;
  fewMarks: ReportTable<FewMarksRow>;
};

const marks = { format: 'integer', header: w.marks } as const;
const perStudent = { format: 'decimal', header: w.perStudent } as const;

const gapColumns = {
  no_marks: { format: 'integer', header: w.noMarks },
  no_marks_pct: { format: 'percent', header: w.noMarksPct },
  one_mark: { format: 'integer', header: w.oneMark },
  one_mark_pct: { format: 'percent', header: w.oneMarkPct },
} satisfies ColumnsLayout<AccumulationRow & ClassAccumulationRow>;

/** Every word the mark accumulation report prints, and how its tables and charts are laid out. */
export const markAccumulationLayout = {
  title: w.title,
  tables: {
    journals: {
      title: w.byJournal,
      columns: {
        ...journalColumnsLayout,
        students: { format: 'integer', header: common.students },
        marks,
        marks_per_student: perStudent,
        marks_per_week: {
          format: 'decimal',
          header: w.perStudentAWeek,
        },
        load_ratio_pct: {
          format: 'percent',
          header: w.againstTheLoadPct,
        },
        ...gapColumns,
      },
    },
    classes: {
      title: w.byClass,
      columns: {
        class: { format: 'text', header: common.class },
        students: { format: 'integer', header: common.students },
        pairs: {
          format: 'integer',
          header: w.studentBySubject,
        },
        marks,
        marks_per_student: perStudent,
        ...gapColumns,
        students_with_gap: {
          format: 'integer',
          header: w.studentsWithGap,
        },
      },
    },
    fewMarks: {
      title: w.fewMarksTitle,
      columns: {
        class: { format: 'text', header: common.class },
        student: { format: 'text', header: common.student },
        subject: { format: 'text', header: common.subject },
        marks,
      },
    },
  } satisfies { [K in keyof MarkAccumulationTables]: TableLayout<MarkAccumulationTables[K]['rows'][number]> },
  charts: [
    {
      id: 'gaps-by-class',
      kind: 'bar',
      title: w.noMarksOneMarkPct,
      tableId: 'classes',
      categoryKey: 'class',
      seriesKeys: ['no_marks_pct', 'one_mark_pct'],
    },
  ] satisfies ReportChart[],
  notes: [w.notePairs, w.noteLoad],
};
