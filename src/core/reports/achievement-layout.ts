import { common } from './columns';
import type { ColumnsLayout, TableLayout } from './layout';
import type { ReportChart, ReportTable } from './report-types';
import { reportWords } from './report-words';

const w = reportWords.achievement;

export type ClassAchievementRow = {
  class: string;
  class_teacher: string;
  students: number;
  excellent: number;
  good: number;
  satisfactory: number;
  with_two: number;
  not_attested: number;
  success_pct: number | null;
  quality_pct: number | null;
  average: number | null;
  missed: number;
  unexcused: number;
  attendance_pct: number | null;
};

export type SubjectAchievementRow = {
  class: string;
  subject: string;
  finals: number;
  fives: number;
  fours: number;
  threes: number;
  twos: number;
  not_attested: number;
  average: number | null;
  success_pct: number | null;
  quality_pct: number | null;
};

export type StudentListRow = { class: string; student: string; subjects: string };

export type AchievementTables = {
  classes: ReportTable<ClassAchievementRow>;
  subjects: ReportTable<SubjectAchievementRow>;
  classSubjects: ReportTable<SubjectAchievementRow>;
  excellent: ReportTable<StudentListRow>;
  withTwo: ReportTable<StudentListRow>;
  notAttested: ReportTable<StudentListRow>;
};

const notAttested = w.notAttested;
const average = w.average;
const success = w.successPct;
const quality = w.qualityPct;

const subjectFigures: ColumnsLayout<SubjectAchievementRow> = {
  finals: { format: 'integer', header: w.finals },
  fives: { format: 'integer', header: w.mark5 },
  fours: { format: 'integer', header: w.mark4 },
  threes: { format: 'integer', header: w.mark3 },
  twos: { format: 'integer', header: w.mark2 },
  not_attested: { format: 'integer', header: notAttested },
  average: { format: 'decimal', header: average },
  success_pct: { format: 'percent', header: success },
  quality_pct: { format: 'percent', header: quality },
};

const studentList: ColumnsLayout<StudentListRow> = {
  class: { format: 'text', header: common.class },
  student: { format: 'text', header: common.student },
};

const studentListWithSubjects: ColumnsLayout<StudentListRow> = {
  ...studentList,
  subjects: { format: 'text', header: w.subjects },
};

/** Every word the achievement report prints, and how its tables and charts are laid out. */
export const achievementLayout = {
  title: w.title,
  tables: {
    classes: {
      title: w.byClass,
      columns: {
        class: { format: 'text', header: common.class },
        class_teacher: { format: 'text', header: common.classTeacher },
        students: { format: 'integer', header: common.students },
        excellent: { format: 'integer', header: w.excellent },
        good: { format: 'integer', header: w.good4And5 },
        satisfactory: { format: 'integer', header: w.withA3 },
        with_two: { format: 'integer', header: w.withA2 },
        not_attested: { format: 'integer', header: notAttested },
        success_pct: { format: 'percent', header: success },
        quality_pct: { format: 'percent', header: quality },
        average: { format: 'decimal', header: average },
        missed: { format: 'integer', header: w.missedLessons },
        unexcused: { format: 'integer', header: w.ofWhichUnexcused },
        attendance_pct: { format: 'percent', header: w.attendancePct },
      },
    },
    subjects: {
      title: w.bySubject,
      columns: { subject: { format: 'text', header: common.subject }, ...subjectFigures },
    },
    classSubjects: {
      title: w.byClassAndSubject,
      columns: {
        class: { format: 'text', header: common.class },
        subject: { format: 'text', header: common.subject },
        ...subjectFigures,
      },
    },
    excellent: {
      title: w.excellentStudents,
      columns: studentList,
    },
    withTwo: {
      title: w.studentsWithA2,
      columns: studentListWithSubjects,
    },
    notAttested: {
      title: w.studentsNotAttested,
      columns: studentListWithSubjects,
    },
  } satisfies { [K in keyof AchievementTables]: TableLayout<AchievementTables[K]['rows'][number]> },
  charts: [
    {
      id: 'rates-by-class',
      kind: 'bar',
      title: w.successAndQualityPct,
      tableId: 'classes',
      categoryKey: 'class',
      seriesKeys: ['success_pct', 'quality_pct'],
    },
    {
      id: 'average-by-subject',
      kind: 'bar',
      title: w.averageBySubject,
      tableId: 'subjects',
      categoryKey: 'subject',
      seriesKeys: ['average'],
    },
  ] satisfies ReportChart[],
  notes: [w.noteSuccessQuality],
};
