import { sql } from 'kysely';
import type { Clock } from '../clock';
import type { Mirror } from '../db/mirror';
import { column, commonColumn, totalLabel } from './columns';
import { reportContext, scopeSummary, type ReportContext } from './context';
import { countWhere, lessonsInScope } from './lesson-scope';
import { DEFAULT_UNEXCUSED_THRESHOLD, type ReportParams } from './params';
import { percent, text, type ReportResult, type ReportTable } from './report-types';

/** Lessons a student should have attended and the ones missed, by reason (I 5.2 class teacher a). */
export interface AttendanceCounts {
  lessons: number;
  missed: number;
  illness: number;
  excused: number;
  unexcused: number;
  late: number;
}

export type AttendanceRow = {
  class: string;
  student: string;
  lessons: number;
  missed: number;
  illness: number;
  excused: number;
  unexcused: number;
  late: number;
  attendance_pct: number | null;
};

export type ClassAttendanceRow = Omit<AttendanceRow, 'student'> & { students: number };

export type AttendanceReport = ReportResult<{
  classes: ReportTable<ClassAttendanceRow>;
  students: ReportTable<AttendanceRow>;
  unexcused: ReportTable<AttendanceRow>;
}>;

const empty = (): AttendanceCounts => ({
  lessons: 0,
  missed: 0,
  illness: 0,
  excused: 0,
  unexcused: 0,
  late: 0,
});

function add(into: AttendanceCounts, from: AttendanceCounts): void {
  for (const key of Object.keys(into) as (keyof AttendanceCounts)[]) into[key] += from[key];
}

const countsColumns = (c: AttendanceCounts) => ({
  lessons: c.lessons,
  missed: c.missed,
  illness: c.illness,
  excused: c.excused,
  unexcused: c.unexcused,
  late: c.late,
  attendance_pct: percent(c.lessons - c.missed, c.lessons),
});

/**
 * Per class and student: lessons the student was on the list for (their class's lessons while
 * enrolled, or their subgroup's) and the ones missed by reason. Two grouped queries.
 */
export function attendanceByStudent(context: ReportContext): Map<number, Map<number, AttendanceCounts>> {
  const { mirror, scope } = context;
  const expected = mirror.all(
    lessonsInScope(mirror.db, scope)
      .innerJoin('enrollment as e', (join) =>
        join
          .onRef('e.class_id', '=', 'lesson.class_id')
          .onRef('e.joined_on', '<=', 'lesson.date')
          .on((eb) => eb.or([eb('e.left_on', 'is', null), eb('e.left_on', '>=', eb.ref('lesson.date'))])),
      )
      .where((eb) =>
        eb.or([
          eb('lesson.subgroup_id', 'is', null),
          eb.exists(
            eb
              .selectFrom('subgroup_member as sm')
              .select(sql`1`.as('one'))
              .whereRef('sm.subgroup_id', '=', 'lesson.subgroup_id')
              .whereRef('sm.student_id', '=', 'e.student_id'),
          ),
        ]),
      )
      .select((eb) => ['e.class_id', 'e.student_id', eb.fn.countAll<number>().as('lessons')])
      .groupBy(['e.class_id', 'e.student_id']),
  );
  const absences = mirror.all(
    lessonsInScope(mirror.db, scope)
      .innerJoin('attendance as a', 'a.lesson_id', 'lesson.id')
      .select([
        'lesson.class_id',
        'a.student_id',
        countWhere(sql<number>`a.kind = 'absent'`).as('missed'),
        countWhere(sql<number>`a.kind = 'absent' AND a.reason = 'Б'`).as('illness'),
        countWhere(sql<number>`a.kind = 'absent' AND a.reason = 'У'`).as('excused'),
        countWhere(sql<number>`a.kind = 'absent' AND a.reason = 'Н'`).as('unexcused'),
        countWhere(sql<number>`a.kind = 'late'`).as('late'),
      ])
      .groupBy(['lesson.class_id', 'a.student_id']),
  );
  const byClass = new Map<number, Map<number, AttendanceCounts>>();
  const entry = (classId: number, studentId: number): AttendanceCounts | undefined => {
    if (!context.directory.classes.has(classId)) return undefined;
    let students = byClass.get(classId);
    if (!students) {
      students = new Map();
      byClass.set(classId, students);
    }
    let counts = students.get(studentId);
    if (!counts) {
      counts = empty();
      students.set(studentId, counts);
    }
    return counts;
  };
  for (const row of expected) {
    const counts = entry(row.class_id, row.student_id);
    if (counts) counts.lessons += row.lessons;
  }
  for (const row of absences) {
    const counts = entry(row.class_id, row.student_id);
    if (!counts) continue;
    counts.missed += row.missed;
    counts.illness += row.illness;
    counts.excused += row.excused;
    counts.unexcused += row.unexcused;
    counts.late += row.late;
  }
  return byClass;
}

/** Attendance at the period's end (I 6.3): % attended, missed lessons by Б / У / Н, per student, class, school. */
export function attendanceFromContext(context: ReportContext): AttendanceReport {
  const { directory } = context;
  const threshold = context.params.unexcusedThreshold ?? DEFAULT_UNEXCUSED_THRESHOLD;
  const byClass = attendanceByStudent(context);
  const school = empty();
  let schoolStudents = 0;
  const classRows: ClassAttendanceRow[] = [];
  const studentRows: AttendanceRow[] = [];
  for (const classId of directory.classes.keys()) {
    const students = byClass.get(classId);
    if (!students) continue;
    const classCounts = empty();
    const className = directory.className(classId);
    const rows = [...students.entries()].map(([studentId, counts]) => {
      add(classCounts, counts);
      return { class: className, student: directory.studentName(studentId), ...countsColumns(counts) };
    });
    rows.sort((a, b) => a.student.localeCompare(b.student));
    studentRows.push(...rows);
    add(school, classCounts);
    schoolStudents += students.size;
    classRows.push({ class: className, students: students.size, ...countsColumns(classCounts) });
  }
  const label = totalLabel(directory.language);
  const countHeaders = [
    column<AttendanceRow>('lessons', 'integer', 'Сабактар', 'Уроков', 'Lessons'),
    column<AttendanceRow>('missed', 'integer', 'Калтырган', 'Пропущено', 'Missed'),
    column<AttendanceRow>('illness', 'integer', 'Б (ооруган)', 'Б (болезнь)', 'Б (illness)'),
    column<AttendanceRow>('excused', 'integer', 'У (жүйөлүү)', 'У (уважительная)', 'У (excused)'),
    column<AttendanceRow>('unexcused', 'integer', 'Н (жүйөсүз)', 'Н (без уважительной)', 'Н (unexcused)'),
    column<AttendanceRow>('late', 'integer', 'Кечиккен', 'Опоздания', 'Late'),
    column<AttendanceRow>('attendance_pct', 'percent', 'Катышуу, %', 'Посещаемость, %', 'Attendance, %'),
  ];
  const studentColumns = [
    commonColumn<AttendanceRow>('class', 'class'),
    commonColumn<AttendanceRow>('student', 'student'),
    ...countHeaders,
  ];
  return {
    name: 'attendance',
    title: attendanceTitle,
    scope: scopeSummary(context.scope),
    generatedAt: context.now.toISOString(),
    tables: {
      classes: {
        id: 'classes',
        title: text('Класстар боюнча', 'По классам', 'By class'),
        columns: [
          commonColumn('class', 'class'),
          commonColumn('students', 'students', 'integer'),
          ...countHeaders,
        ],
        rows: classRows,
        totals: { class: label, students: schoolStudents, ...countsColumns(school) },
      },
      students: {
        id: 'students',
        title: text('Окуучулар боюнча', 'По ученикам', 'By student'),
        columns: studentColumns,
        rows: studentRows,
        totals: null,
      },
      unexcused: {
        id: 'unexcused',
        title: text(
          `Жүйөсүз ${threshold} же андан көп сабак калтырган окуучулар`,
          `Ученики, пропустившие без уважительной причины ${threshold} и более уроков`,
          `Students with ${threshold} or more unexcused missed lessons`,
        ),
        columns: studentColumns,
        rows: studentRows
          .filter((row) => row.unexcused >= threshold)
          .sort((a, b) => b.unexcused - a.unexcused),
        totals: null,
      },
    },
    charts: [
      {
        id: 'attendance-by-class',
        kind: 'bar',
        title: text('Катышуу, %', 'Посещаемость, %', 'Attendance, %'),
        tableId: 'classes',
        categoryKey: 'class',
        seriesKeys: ['attendance_pct'],
      },
      {
        id: 'missed-by-reason',
        kind: 'bar',
        title: text('Себеби боюнча калтырылган сабактар', 'Пропуски по причинам', 'Missed lessons by reason'),
        tableId: 'classes',
        categoryKey: 'class',
        seriesKeys: ['illness', 'excused', 'unexcused'],
      },
    ],
    notes: [
      text(
        'Сабактар = окуучу тизмеде турган күндөрдөгү класстын (же тобунун) сабактары; кечигүү калтыруу эмес.',
        'Уроков = уроки класса (или подгруппы) в дни, когда ученик был в списке; опоздание не пропуск.',
        'Lessons = the class’s (or subgroup’s) lessons on days the student was on the list; being late is not a miss.',
      ),
    ],
  };
}

export const attendanceTitle = text('Сабакка катышуу', 'Посещаемость', 'Attendance');

export function attendanceReport(mirror: Mirror, params: ReportParams, clock: Clock): AttendanceReport {
  return attendanceFromContext(reportContext(mirror, params, clock));
}
