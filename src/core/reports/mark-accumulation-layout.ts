import { common, journalColumnsLayout } from './columns';
import type { ColumnsLayout, TableLayout } from './layout';
import { text, type ReportChart, type ReportTable } from './report-types';

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

const marks = { format: 'integer', header: text('Баалар', 'Отметок', 'Marks') } as const;
const perStudent = { format: 'decimal', header: text('Бир окуучуга', 'На ученика', 'Per student') } as const;

const gapColumns = {
  no_marks: { format: 'integer', header: text('Баасы жок', 'Без отметок', 'No marks') },
  no_marks_pct: { format: 'percent', header: text('Баасы жок, %', 'Без отметок, %', 'No marks, %') },
  one_mark: { format: 'integer', header: text('Бир гана баа', 'Одна отметка', 'One mark') },
  one_mark_pct: { format: 'percent', header: text('Бир гана баа, %', 'Одна отметка, %', 'One mark, %') },
} satisfies ColumnsLayout<AccumulationRow & ClassAccumulationRow>;

/** Every word the mark accumulation report prints, and how its tables and charts are laid out. */
export const markAccumulationLayout = {
  title: text('Баалардын топтолушу', 'Накопляемость отметок', 'Mark accumulation'),
  tables: {
    journals: {
      title: text('Журналдар боюнча', 'По журналам', 'By journal'),
      columns: {
        ...journalColumnsLayout,
        students: { format: 'integer', header: common.students },
        marks,
        marks_per_student: perStudent,
        marks_per_week: {
          format: 'decimal',
          header: text('Жумасына бир окуучуга', 'На ученика в неделю', 'Per student a week'),
        },
        load_ratio_pct: {
          format: 'percent',
          header: text('Жүктөмгө карата, %', 'К нагрузке, %', 'Against the load, %'),
        },
        ...gapColumns,
      },
    },
    classes: {
      title: text('Класстар боюнча', 'По классам', 'By class'),
      columns: {
        class: { format: 'text', header: common.class },
        students: { format: 'integer', header: common.students },
        pairs: {
          format: 'integer',
          header: text('Окуучу × предмет', 'Ученик × предмет', 'Student × subject'),
        },
        marks,
        marks_per_student: perStudent,
        ...gapColumns,
        students_with_gap: {
          format: 'integer',
          header: text(
            'Баасы жок же бир баалуу окуучулар',
            'Учеников без отметок или с одной',
            'Students with no or one mark',
          ),
        },
      },
    },
    fewMarks: {
      title: text(
        'Баасы жок же бир гана баасы бар окуучулар',
        'Ученики без отметок или с одной отметкой',
        'Students with no or one mark',
      ),
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
      title: text('Баасы жок / бир баалуу, %', 'Без отметок / с одной, %', 'No marks / one mark, %'),
      tableId: 'classes',
      categoryKey: 'class',
      seriesKeys: ['no_marks_pct', 'one_mark_pct'],
    },
  ] satisfies ReportChart[],
  notes: [
    text(
      'Пайыздар окуучу × предмет жуптарынан эсептелет; 1-класстар бааланбайт.',
      'Проценты считаются от пар «ученик × предмет»; 1-е классы не оцениваются.',
      'Percentages are of student × subject pairs; class 1 is not marked.',
    ),
    text(
      'Жүктөмгө карата = жумасына бир окуучуга баалар ÷ жумалык саат: окуучу канча сабакта баа алганы.',
      'К нагрузке = отметок на ученика в неделю ÷ часов в неделю: на какой доле уроков ученик получил отметку.',
      'Against the load = marks per student a week ÷ weekly hours: the share of lessons a student got a mark at.',
    ),
  ],
};
