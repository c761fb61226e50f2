import { teachingWeeks } from './calendar';
import { column, commonColumn, journalColumns, totalLabel } from './columns';
import { scopeSummary, type ReportContext } from './context';
import { classOrder, isMarkedClass } from './directory';
import { lessonsInScope } from './lesson-scope';
import { percent, ratio, round2, text, type ReportResult, type ReportTable } from './report-types';
import { enrolledStudents, journalKey, journalStudents, loadJournals, subgroupMembers } from './roster';

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

export type MarkAccumulationReport = ReportResult<{
  journals: ReportTable<AccumulationRow>;
  classes: ReportTable<ClassAccumulationRow>;
  fewMarks: ReportTable<FewMarksRow>;
}>;

interface Tally {
  students: number;
  marks: number;
  noMarks: number;
  oneMark: number;
}

const tallyColumns = (t: Tally) => ({
  students: t.students,
  marks: t.marks,
  marks_per_student: ratio(t.marks, t.students),
  no_marks: t.noMarks,
  no_marks_pct: percent(t.noMarks, t.students),
  one_mark: t.oneMark,
  one_mark_pct: percent(t.oneMark, t.students),
});

/**
 * Mark accumulation (I 6.2): marks per student in each journal against the weekly load, and the
 * students with no mark or only one (I 3.4), who cannot be fairly attested.
 */
export function markAccumulationFromContext(context: ReportContext): MarkAccumulationReport {
  const { mirror, scope, directory } = context;
  const journals = loadJournals(mirror, scope).filter((j) => isMarkedClass(directory, j.classId));
  const enrolled = enrolledStudents(mirror, scope);
  const members = subgroupMembers(mirror, scope);
  const weeks = teachingWeeks(mirror, scope, context.today);
  const counts = new Map<string, number>();
  const rows = mirror.all(
    lessonsInScope(mirror.db, scope)
      .innerJoin('mark', 'mark.lesson_id', 'lesson.id')
      .select((eb) => [
        'lesson.class_id',
        'lesson.subject_id',
        'lesson.subgroup_id',
        'mark.student_id',
        eb.fn.countAll<number>().as('marks'),
      ])
      .groupBy(['lesson.class_id', 'lesson.subject_id', 'lesson.subgroup_id', 'mark.student_id']),
  );
  for (const row of rows) {
    counts.set(`${journalKey(row.class_id, row.subject_id, row.subgroup_id)}:${row.student_id}`, row.marks);
  }

  const byClass = classOrder(directory);
  journals.sort(
    (a, b) =>
      byClass(a.classId, b.classId) ||
      directory.subjectName(a.subjectId).localeCompare(directory.subjectName(b.subjectId)) ||
      a.subgroupName.localeCompare(b.subgroupName),
  );
  const classTallies = new Map<number, Tally & { gaps: Set<number> }>();
  const school: Tally = { students: 0, marks: 0, noMarks: 0, oneMark: 0 };
  const schoolGaps = new Set<number>();
  const fewMarks: (FewMarksRow & { classId: number })[] = [];
  const journalRows: AccumulationRow[] = journals.map((journal) => {
    const tally: Tally = { students: 0, marks: 0, noMarks: 0, oneMark: 0 };
    const classTally = classTallies.get(journal.classId) ?? {
      students: 0,
      marks: 0,
      noMarks: 0,
      oneMark: 0,
      gaps: new Set(),
    };
    classTallies.set(journal.classId, classTally);
    for (const studentId of journalStudents(journal, enrolled, members)) {
      const marks = counts.get(`${journal.key}:${studentId}`) ?? 0;
      tally.students += 1;
      tally.marks += marks;
      if (marks === 0) tally.noMarks += 1;
      if (marks === 1) tally.oneMark += 1;
      if (marks <= 1) {
        classTally.gaps.add(studentId);
        schoolGaps.add(studentId);
        fewMarks.push({
          classId: journal.classId,
          class: directory.className(journal.classId),
          student: directory.studentName(studentId),
          subject: directory.subjectName(journal.subjectId),
          marks,
        });
      }
    }
    for (const into of [classTally, school]) {
      into.students += tally.students;
      into.marks += tally.marks;
      into.noMarks += tally.noMarks;
      into.oneMark += tally.oneMark;
    }
    const perStudent = tally.students === 0 ? null : tally.marks / tally.students;
    const perWeek = perStudent === null || weeks === 0 ? null : perStudent / weeks;
    return {
      class: directory.className(journal.classId),
      subject: directory.subjectName(journal.subjectId),
      subgroup: journal.subgroupName,
      teacher: journal.teacherIds.map((id) => directory.staffName(id)).join(', '),
      weekly_hours: round2(journal.weeklyHours),
      ...tallyColumns(tally),
      marks_per_week: perWeek === null ? null : round2(perWeek),
      load_ratio_pct:
        perWeek === null || journal.weeklyHours === 0 ? null : percent(perWeek, journal.weeklyHours),
    };
  });
  const classRows: ClassAccumulationRow[] = [...directory.classes.keys()]
    .filter((id) => classTallies.has(id))
    .map((id) => {
      const t = classTallies.get(id) ?? {
        students: 0,
        marks: 0,
        noMarks: 0,
        oneMark: 0,
        gaps: new Set<number>(),
      };
      const students = enrolled.get(id)?.length ?? 0;
      return {
        class: directory.className(id),
        ...tallyColumns(t),
        students,
        pairs: t.students,
        marks_per_student: ratio(t.marks, students),
        students_with_gap: t.gaps.size,
      };
    });
  const schoolStudents = [...enrolled.entries()]
    .filter(([id]) => classTallies.has(id))
    .reduce((sum, [, list]) => sum + list.length, 0);
  const schoolWeeks = weeks === 0 ? null : school.marks / Math.max(school.students, 1) / weeks;
  const label = totalLabel(directory.language);
  const rateColumns = [
    column<AccumulationRow>('no_marks', 'integer', 'Баасы жок', 'Без отметок', 'No marks'),
    column<AccumulationRow>('no_marks_pct', 'percent', 'Баасы жок, %', 'Без отметок, %', 'No marks, %'),
    column<AccumulationRow>('one_mark', 'integer', 'Бир гана баа', 'Одна отметка', 'One mark'),
    column<AccumulationRow>('one_mark_pct', 'percent', 'Бир гана баа, %', 'Одна отметка, %', 'One mark, %'),
  ];
  return {
    name: 'mark-accumulation',
    title: markAccumulationTitle,
    scope: scopeSummary(scope),
    generatedAt: context.now.toISOString(),
    tables: {
      journals: {
        id: 'journals',
        title: text('Журналдар боюнча', 'По журналам', 'By journal'),
        columns: [
          ...journalColumns,
          commonColumn('students', 'students', 'integer'),
          column('marks', 'integer', 'Баалар', 'Отметок', 'Marks'),
          column('marks_per_student', 'decimal', 'Бир окуучуга', 'На ученика', 'Per student'),
          column(
            'marks_per_week',
            'decimal',
            'Жумасына бир окуучуга',
            'На ученика в неделю',
            'Per student a week',
          ),
          column('load_ratio_pct', 'percent', 'Жүктөмгө карата, %', 'К нагрузке, %', 'Against the load, %'),
          ...rateColumns,
        ],
        rows: journalRows,
        totals: {
          class: label,
          subject: '',
          subgroup: '',
          teacher: '',
          weekly_hours: null,
          ...tallyColumns(school),
          marks_per_week: schoolWeeks === null ? null : round2(schoolWeeks),
          load_ratio_pct: null,
        },
      },
      classes: {
        id: 'classes',
        title: text('Класстар боюнча', 'По классам', 'By class'),
        columns: [
          commonColumn('class', 'class'),
          commonColumn('students', 'students', 'integer'),
          column('pairs', 'integer', 'Окуучу × предмет', 'Ученик × предмет', 'Student × subject'),
          column('marks', 'integer', 'Баалар', 'Отметок', 'Marks'),
          column('marks_per_student', 'decimal', 'Бир окуучуга', 'На ученика', 'Per student'),
          ...rateColumns,
          column(
            'students_with_gap',
            'integer',
            'Баасы жок же бир баалуу окуучулар',
            'Учеников без отметок или с одной',
            'Students with no or one mark',
          ),
        ],
        rows: classRows,
        totals: {
          class: label,
          ...tallyColumns(school),
          students: schoolStudents,
          pairs: school.students,
          marks_per_student: ratio(school.marks, schoolStudents),
          students_with_gap: schoolGaps.size,
        },
      },
      fewMarks: {
        id: 'fewMarks',
        title: text(
          'Баасы жок же бир гана баасы бар окуучулар',
          'Ученики без отметок или с одной отметкой',
          'Students with no or one mark',
        ),
        columns: [
          commonColumn('class', 'class'),
          commonColumn('student', 'student'),
          commonColumn('subject', 'subject'),
          column('marks', 'integer', 'Баалар', 'Отметок', 'Marks'),
        ],
        rows: fewMarks
          .sort(
            (a, b) =>
              byClass(a.classId, b.classId) ||
              a.student.localeCompare(b.student) ||
              a.subject.localeCompare(b.subject),
          )
          .map(({ classId: _classId, ...row }) => row),
        totals: null,
      },
    },
    charts: [
      {
        id: 'gaps-by-class',
        kind: 'bar',
        title: text('Баасы жок / бир баалуу, %', 'Без отметок / с одной, %', 'No marks / one mark, %'),
        tableId: 'classes',
        categoryKey: 'class',
        seriesKeys: ['no_marks_pct', 'one_mark_pct'],
      },
    ],
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
}

export const markAccumulationTitle = text(
  'Баалардын топтолушу',
  'Накопляемость отметок',
  'Mark accumulation',
);
