import { attendanceByStudent } from './attendance';
import { column, commonColumn, totalLabel } from './columns';
import { scopeSummary, type ReportContext } from './context';
import { loadFinals, standing, type FinalMark } from './finals';
import { percent, round2, text, type ReportResult, type ReportTable } from './report-types';

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

export type AchievementReport = ReportResult<{
  classes: ReportTable<ClassAchievementRow>;
  subjects: ReportTable<SubjectAchievementRow>;
  classSubjects: ReportTable<SubjectAchievementRow>;
  excellent: ReportTable<StudentListRow>;
  withTwo: ReportTable<StudentListRow>;
  notAttested: ReportTable<StudentListRow>;
}>;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function average(finals: readonly FinalMark[]): number | null {
  const numeric = finals.filter((f) => f.numeric !== null);
  if (numeric.length === 0) return null;
  return round2(numeric.reduce((sum, f) => sum + (f.numeric ?? 0), 0) / numeric.length);
}

/** Distribution of one subject's finals; rates are of the finals that count (exempt ones do not). */
function subjectFigures(finals: readonly FinalMark[]) {
  const counted = finals.filter((f) => !f.exempt);
  const of = (v: number) => counted.filter((f) => f.numeric === v).length;
  const twos = counted.filter((f) => f.numeric !== null && f.numeric < 3).length;
  const notAttested = counted.filter((f) => f.numeric === null).length;
  const good = counted.filter((f) => f.numeric !== null && f.numeric >= 4).length;
  return {
    finals: counted.length,
    fives: of(5),
    fours: of(4),
    threes: of(3),
    twos,
    not_attested: notAttested,
    average: average(counted),
    success_pct: percent(counted.length - twos - notAttested, counted.length),
    quality_pct: percent(good, counted.length),
  };
}

/**
 * Achievement at the period's end (I 6.3; the class teacher's report, I 5.2 class teacher d):
 * success rate (no 2s, everyone attested) and quality rate (only 4s and 5s) by class and school,
 * averages by subject, the excellent students and the students with a 2.
 */
export function achievementFromContext(context: ReportContext): AchievementReport {
  const { mirror, scope, directory } = context;
  const finals = loadFinals(mirror, scope, new Set(directory.classes.keys()));
  const attendance = attendanceByStudent(context);
  const byClass = groupBy(finals, (f) => String(f.classId));
  const subjectList = (items: readonly FinalMark[]) =>
    [...new Set(items.map((f) => directory.subjectName(f.subjectId)))]
      .sort((a, b) => a.localeCompare(b))
      .join(', ');

  const classRows: ClassAchievementRow[] = [];
  const excellent: StudentListRow[] = [];
  const withTwo: StudentListRow[] = [];
  const notAttested: StudentListRow[] = [];
  const school = {
    students: 0,
    excellent: 0,
    good: 0,
    satisfactory: 0,
    withTwo: 0,
    notAttested: 0,
    success: 0,
    quality: 0,
  };
  const schoolAttendance = { lessons: 0, missed: 0, unexcused: 0 };
  for (const [classId, info] of directory.classes) {
    const classFinals = byClass.get(String(classId));
    if (!classFinals) continue;
    const className = info.label;
    const students = [...groupBy(classFinals, (f) => String(f.studentId)).values()].sort((a, b) =>
      directory.studentName(a[0]?.studentId ?? 0).localeCompare(directory.studentName(b[0]?.studentId ?? 0)),
    );
    const tally = {
      excellent: 0,
      good: 0,
      satisfactory: 0,
      withTwo: 0,
      notAttested: 0,
      success: 0,
      quality: 0,
    };
    for (const studentFinals of students) {
      const studentId = studentFinals[0]?.studentId ?? 0;
      const where = standing(studentFinals);
      const name = directory.studentName(studentId);
      if (where.success) tally.success += 1;
      if (where.quality) tally.quality += 1;
      if (where.excellent) {
        tally.excellent += 1;
        excellent.push({ class: className, student: name, subjects: '' });
      } else if (where.quality) tally.good += 1;
      else if (where.success) tally.satisfactory += 1;
      if (where.hasTwo) {
        tally.withTwo += 1;
        withTwo.push({
          class: className,
          student: name,
          subjects: subjectList(studentFinals.filter((f) => f.numeric !== null && f.numeric < 3)),
        });
      }
      if (where.notAttested) {
        tally.notAttested += 1;
        notAttested.push({
          class: className,
          student: name,
          subjects: subjectList(studentFinals.filter((f) => f.numeric === null && !f.exempt)),
        });
      }
    }
    const classAttendance = { lessons: 0, missed: 0, unexcused: 0 };
    for (const counts of attendance.get(classId)?.values() ?? []) {
      classAttendance.lessons += counts.lessons;
      classAttendance.missed += counts.missed;
      classAttendance.unexcused += counts.unexcused;
    }
    schoolAttendance.lessons += classAttendance.lessons;
    schoolAttendance.missed += classAttendance.missed;
    schoolAttendance.unexcused += classAttendance.unexcused;
    school.students += students.length;
    school.excellent += tally.excellent;
    school.good += tally.good;
    school.satisfactory += tally.satisfactory;
    school.withTwo += tally.withTwo;
    school.notAttested += tally.notAttested;
    school.success += tally.success;
    school.quality += tally.quality;
    classRows.push({
      class: className,
      class_teacher: directory.staffName(info.classTeacherId),
      students: students.length,
      excellent: tally.excellent,
      good: tally.good,
      satisfactory: tally.satisfactory,
      with_two: tally.withTwo,
      not_attested: tally.notAttested,
      success_pct: percent(tally.success, students.length),
      quality_pct: percent(tally.quality, students.length),
      average: average(classFinals.filter((f) => !f.exempt)),
      missed: classAttendance.missed,
      unexcused: classAttendance.unexcused,
      attendance_pct: percent(classAttendance.lessons - classAttendance.missed, classAttendance.lessons),
    });
  }

  const bySubjectName = (a: SubjectAchievementRow, b: SubjectAchievementRow) =>
    a.subject.localeCompare(b.subject);
  const subjectRows = [...groupBy(finals, (f) => String(f.subjectId)).values()]
    .map((items) => ({
      class: '',
      subject: directory.subjectName(items[0]?.subjectId ?? 0),
      ...subjectFigures(items),
    }))
    .sort(bySubjectName);
  const classSubjectRows = [...directory.classes.values()].flatMap((info) =>
    [...groupBy(byClass.get(String(info.id)) ?? [], (f) => String(f.subjectId)).values()]
      .map((items) => ({
        class: info.label,
        subject: directory.subjectName(items[0]?.subjectId ?? 0),
        ...subjectFigures(items),
      }))
      .sort(bySubjectName),
  );
  const label = totalLabel(directory.language);
  const subjectColumns = [
    column<SubjectAchievementRow>('finals', 'integer', 'Баалар', 'Отметок', 'Finals'),
    column<SubjectAchievementRow>('fives', 'integer', '«5»', '«5»', '5'),
    column<SubjectAchievementRow>('fours', 'integer', '«4»', '«4»', '4'),
    column<SubjectAchievementRow>('threes', 'integer', '«3»', '«3»', '3'),
    column<SubjectAchievementRow>('twos', 'integer', '«2»', '«2»', '2'),
    column<SubjectAchievementRow>(
      'not_attested',
      'integer',
      'Аттестацияланган эмес',
      'Не аттестованы',
      'Not attested',
    ),
    column<SubjectAchievementRow>('average', 'decimal', 'Орточо балл', 'Средний балл', 'Average'),
    column<SubjectAchievementRow>('success_pct', 'percent', 'Жетишүү, %', 'Успеваемость, %', 'Success, %'),
    column<SubjectAchievementRow>('quality_pct', 'percent', 'Сапат, %', 'Качество, %', 'Quality, %'),
  ];
  const listColumns = (subjectsHeader: boolean) => [
    commonColumn<StudentListRow>('class', 'class'),
    commonColumn<StudentListRow>('student', 'student'),
    ...(subjectsHeader
      ? [column<StudentListRow>('subjects', 'text', 'Предметтер', 'Предметы', 'Subjects')]
      : []),
  ];
  return {
    name: 'achievement',
    title: achievementTitle,
    scope: scopeSummary(scope),
    generatedAt: context.now.toISOString(),
    tables: {
      classes: {
        id: 'classes',
        title: text('Класстар боюнча', 'По классам', 'By class'),
        columns: [
          commonColumn('class', 'class'),
          commonColumn('class_teacher', 'classTeacher'),
          commonColumn('students', 'students', 'integer'),
          column('excellent', 'integer', 'Эң жакшы («5»)', 'Отличники', 'Excellent'),
          column('good', 'integer', '«4» жана «5»', 'На «4» и «5»', 'Good (4 and 5)'),
          column('satisfactory', 'integer', '«3» менен', 'С «3»', 'With a 3'),
          column('with_two', 'integer', '«2» менен', 'С «2»', 'With a 2'),
          column('not_attested', 'integer', 'Аттестацияланган эмес', 'Не аттестованы', 'Not attested'),
          column('success_pct', 'percent', 'Жетишүү, %', 'Успеваемость, %', 'Success, %'),
          column('quality_pct', 'percent', 'Сапат, %', 'Качество, %', 'Quality, %'),
          column('average', 'decimal', 'Орточо балл', 'Средний балл', 'Average'),
          column('missed', 'integer', 'Калтырган сабак', 'Пропущено уроков', 'Missed lessons'),
          column('unexcused', 'integer', 'Анын ичинде Н', 'Из них Н', 'Of which Н'),
          column('attendance_pct', 'percent', 'Катышуу, %', 'Посещаемость, %', 'Attendance, %'),
        ],
        rows: classRows,
        totals: {
          class: label,
          class_teacher: '',
          students: school.students,
          excellent: school.excellent,
          good: school.good,
          satisfactory: school.satisfactory,
          with_two: school.withTwo,
          not_attested: school.notAttested,
          success_pct: percent(school.success, school.students),
          quality_pct: percent(school.quality, school.students),
          average: average(finals.filter((f) => !f.exempt)),
          missed: schoolAttendance.missed,
          unexcused: schoolAttendance.unexcused,
          attendance_pct: percent(
            schoolAttendance.lessons - schoolAttendance.missed,
            schoolAttendance.lessons,
          ),
        },
      },
      subjects: {
        id: 'subjects',
        title: text('Предметтер боюнча', 'По предметам', 'By subject'),
        columns: [commonColumn('subject', 'subject'), ...subjectColumns],
        rows: subjectRows,
        totals: { class: '', subject: label, ...subjectFigures(finals) },
      },
      classSubjects: {
        id: 'classSubjects',
        title: text('Класс жана предмет боюнча', 'По классам и предметам', 'By class and subject'),
        columns: [commonColumn('class', 'class'), commonColumn('subject', 'subject'), ...subjectColumns],
        rows: classSubjectRows,
        totals: null,
      },
      excellent: {
        id: 'excellent',
        title: text('Эң жакшы окуучулар', 'Отличники', 'Excellent students'),
        columns: listColumns(false),
        rows: excellent,
        totals: null,
      },
      withTwo: {
        id: 'withTwo',
        title: text('«2» алган окуучулар', 'Ученики с «2»', 'Students with a 2'),
        columns: listColumns(true),
        rows: withTwo,
        totals: null,
      },
      notAttested: {
        id: 'notAttested',
        title: text('Аттестацияланбаган окуучулар', 'Неаттестованные ученики', 'Students not attested'),
        columns: listColumns(true),
        rows: notAttested,
        totals: null,
      },
    },
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
    ],
    notes: [
      text(
        'Жетишүү: «2» жок жана баары аттестацияланган окуучулар; сапат: «4» жана «5» гана. Бошотулгандар («осв») эсептелбейт.',
        'Успеваемость: ученики без «2» и все аттестованы; качество: только «4» и «5». Освобождения («осв») не учитываются.',
        'Success: students with no 2 and attested in everything; quality: only 4s and 5s. Exemptions ("осв") do not count.',
      ),
    ],
  };
}

export const achievementTitle = text('Окуучулардын жетишкендиги', 'Успеваемость учащихся', 'Achievement');
