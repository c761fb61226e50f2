import { common } from './columns';
import type { ColumnsLayout, TableLayout } from './layout';
import { text, type ReportChart, type ReportTable } from './report-types';

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

const notAttested = text('Аттестацияланган эмес', 'Не аттестованы', 'Not attested');
const average = text('Орточо балл', 'Средний балл', 'Average');
const success = text('Жетишүү, %', 'Успеваемость, %', 'Success, %');
const quality = text('Сапат, %', 'Качество, %', 'Quality, %');

const subjectFigures: ColumnsLayout<SubjectAchievementRow> = {
  finals: { format: 'integer', header: text('Баалар', 'Отметок', 'Finals') },
  fives: { format: 'integer', header: text('«5»', '«5»', '5') },
  fours: { format: 'integer', header: text('«4»', '«4»', '4') },
  threes: { format: 'integer', header: text('«3»', '«3»', '3') },
  twos: { format: 'integer', header: text('«2»', '«2»', '2') },
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
  subjects: { format: 'text', header: text('Предметтер', 'Предметы', 'Subjects') },
};

/** Every word the achievement report prints, and how its tables and charts are laid out. */
export const achievementLayout = {
  title: text('Окуучулардын жетишкендиги', 'Успеваемость учащихся', 'Achievement'),
  tables: {
    classes: {
      title: text('Класстар боюнча', 'По классам', 'By class'),
      columns: {
        class: { format: 'text', header: common.class },
        class_teacher: { format: 'text', header: common.classTeacher },
        students: { format: 'integer', header: common.students },
        excellent: { format: 'integer', header: text('Эң жакшы («5»)', 'Отличники', 'Excellent') },
        good: { format: 'integer', header: text('«4» жана «5»', 'На «4» и «5»', 'Good (4 and 5)') },
        satisfactory: { format: 'integer', header: text('«3» менен', 'С «3»', 'With a 3') },
        with_two: { format: 'integer', header: text('«2» менен', 'С «2»', 'With a 2') },
        not_attested: { format: 'integer', header: notAttested },
        success_pct: { format: 'percent', header: success },
        quality_pct: { format: 'percent', header: quality },
        average: { format: 'decimal', header: average },
        missed: { format: 'integer', header: text('Калтырган сабак', 'Пропущено уроков', 'Missed lessons') },
        unexcused: { format: 'integer', header: text('Анын ичинде Н', 'Из них Н', 'Of which Н') },
        attendance_pct: { format: 'percent', header: text('Катышуу, %', 'Посещаемость, %', 'Attendance, %') },
      },
    },
    subjects: {
      title: text('Предметтер боюнча', 'По предметам', 'By subject'),
      columns: { subject: { format: 'text', header: common.subject }, ...subjectFigures },
    },
    classSubjects: {
      title: text('Класс жана предмет боюнча', 'По классам и предметам', 'By class and subject'),
      columns: {
        class: { format: 'text', header: common.class },
        subject: { format: 'text', header: common.subject },
        ...subjectFigures,
      },
    },
    excellent: {
      title: text('Эң жакшы окуучулар', 'Отличники', 'Excellent students'),
      columns: studentList,
    },
    withTwo: {
      title: text('«2» алган окуучулар', 'Ученики с «2»', 'Students with a 2'),
      columns: studentListWithSubjects,
    },
    notAttested: {
      title: text('Аттестацияланбаган окуучулар', 'Неаттестованные ученики', 'Students not attested'),
      columns: studentListWithSubjects,
    },
  } satisfies { [K in keyof AchievementTables]: TableLayout<AchievementTables[K]['rows'][number]> },
  charts: [
    {
      id: 'rates-by-class',
      kind: 'bar',
      title: text('Жетишүү жана сапат, %', 'Успеваемость и качество, %', 'Success and quality, %'),
      tableId: 'classes',
      categoryKey: 'class',
      seriesKeys: ['success_pct', 'quality_pct'],
    },
    {
      id: 'average-by-subject',
      kind: 'bar',
      title: text('Предметтер боюнча орточо балл', 'Средний балл по предметам', 'Average by subject'),
      tableId: 'subjects',
      categoryKey: 'subject',
      seriesKeys: ['average'],
    },
  ] satisfies ReportChart[],
  notes: [
    text(
      'Жетишүү: «2» жок жана баары аттестацияланган окуучулар; сапат: «4» жана «5» гана. Бошотулгандар («осв») эсептелбейт.',
      'Успеваемость: ученики без «2» и все аттестованы; качество: только «4» и «5». Освобождения («осв») не учитываются.',
      'Success: students with no 2 and attested in everything; quality: only 4s and 5s. Exemptions ("осв") do not count.',
    ),
  ],
};
