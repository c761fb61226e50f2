import { sql } from 'kysely';
import { column, commonColumn, totalLabel } from './columns';
import { scopeSummary, type ReportContext } from './context';
import { countWhere, lessonsInScope } from './lesson-scope';
import { DEFAULT_UNEXCUSED_THRESHOLD } from './params';
import { percent, type ReportResult, type ReportTable } from './report-types';
import { reportWords } from './report-words';

const w = reportWords.attendance;

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

/** Lesson counts by day, summed over any range of days with two binary searches. */
class DayCounts {
  private readonly days: string[] = [];
  private readonly running: number[] = [0];

  /** Days must come in ascending order. */
  add(day: string, lessons: number): void {
    this.days.push(day);
    this.running.push((this.running[this.running.length - 1] ?? 0) + lessons);
  }

  between(from: string, to: string): number {
    return (this.running[upperBound(this.days, to)] ?? 0) - (this.running[lowerBound(this.days, from)] ?? 0);
  }
}

function lowerBound(days: readonly string[], day: string): number {
  let low = 0;
  let high = days.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((days[middle] ?? '') < day) low = middle + 1;
    else high = middle;
  }
  return low;
}

function upperBound(days: readonly string[], day: string): number {
  let low = 0;
  let high = days.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((days[middle] ?? '') <= day) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Lessons each student was on the list for: their class's lessons while enrolled, and their
 * subgroups' lessons. Counted from lessons per class (or subgroup) and day rather than by joining
 * every lesson to every student: a few thousand rows instead of most of a million.
 */
function expectedLessons(context: ReportContext): { classId: number; studentId: number; lessons: number }[] {
  const { mirror, scope } = context;
  const byGroup = new Map<string, DayCounts>();
  const perDay = mirror.all(
    lessonsInScope(mirror.db, scope)
      .select((eb) => [
        'lesson.class_id',
        'lesson.subgroup_id',
        'lesson.date',
        eb.fn.countAll<number>().as('lessons'),
      ])
      .groupBy(['lesson.class_id', 'lesson.subgroup_id', 'lesson.date'])
      .orderBy('lesson.class_id')
      .orderBy('lesson.subgroup_id')
      .orderBy('lesson.date'),
  );
  for (const row of perDay) {
    const key = row.subgroup_id === null ? `c${row.class_id}` : `s${row.subgroup_id}`;
    let counts = byGroup.get(key);
    if (!counts) {
      counts = new DayCounts();
      byGroup.set(key, counts);
    }
    counts.add(row.date, row.lessons);
  }
  const subgroupsOf = new Map<number, number[]>();
  for (const row of mirror.all(
    mirror.db
      .selectFrom('subgroup_member')
      .innerJoin('subgroup', 'subgroup.id', 'subgroup_member.subgroup_id')
      .innerJoin('class', 'class.id', 'subgroup.class_id')
      .where('class.academic_year_id', '=', scope.academicYearId)
      .select(['subgroup.class_id', 'subgroup_member.subgroup_id', 'subgroup_member.student_id']),
  )) {
    const key = row.class_id * 1_000_000_000 + row.student_id;
    subgroupsOf.set(key, [...(subgroupsOf.get(key) ?? []), row.subgroup_id]);
  }
  let enrollments = mirror.db
    .selectFrom('enrollment')
    .innerJoin('class', 'class.id', 'enrollment.class_id')
    .where('class.academic_year_id', '=', scope.academicYearId)
    .where('enrollment.joined_on', '<=', scope.to)
    .where((eb) => eb.or([eb('enrollment.left_on', 'is', null), eb('enrollment.left_on', '>=', scope.from)]))
    .select(['enrollment.class_id', 'enrollment.student_id', 'enrollment.joined_on', 'enrollment.left_on']);
  if (scope.classId !== null) enrollments = enrollments.where('enrollment.class_id', '=', scope.classId);
  return mirror.all(enrollments).map((e) => {
    const from = e.joined_on > scope.from ? e.joined_on : scope.from;
    const to = e.left_on !== null && e.left_on < scope.to ? e.left_on : scope.to;
    let lessons = byGroup.get(`c${e.class_id}`)?.between(from, to) ?? 0;
    for (const subgroupId of subgroupsOf.get(e.class_id * 1_000_000_000 + e.student_id) ?? []) {
      lessons += byGroup.get(`s${subgroupId}`)?.between(from, to) ?? 0;
    }
    return { classId: e.class_id, studentId: e.student_id, lessons };
  });
}

const byStudentCache = new WeakMap<ReportContext, Map<number, Map<number, AttendanceCounts>>>();

/** Per class and student: lessons on the list and the ones missed, by reason. Shared by the reports of one context. */
export function attendanceByStudent(context: ReportContext): Map<number, Map<number, AttendanceCounts>> {
  const cached = byStudentCache.get(context);
  if (cached) return cached;
  const { mirror, scope } = context;
  const expected = expectedLessons(context);
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
    const counts = entry(row.classId, row.studentId);
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
  byStudentCache.set(context, byClass);
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
    column<AttendanceRow>('lessons', 'integer', w.lessons),
    column<AttendanceRow>('missed', 'integer', w.missed),
    column<AttendanceRow>('illness', 'integer', w.illness),
    column<AttendanceRow>('excused', 'integer', w.excused),
    column<AttendanceRow>('unexcused', 'integer', w.unexcused),
    column<AttendanceRow>('late', 'integer', w.late),
    column<AttendanceRow>('attendance_pct', 'percent', w.attendancePct),
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
        title: w.byClass,
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
        title: w.byStudent,
        columns: studentColumns,
        rows: studentRows,
        totals: null,
      },
      unexcused: {
        id: 'unexcused',
        title: w.overThresholdTitle(threshold),
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
        title: w.attendancePct,
        tableId: 'classes',
        categoryKey: 'class',
        seriesKeys: ['attendance_pct'],
      },
      {
        id: 'missed-by-reason',
        kind: 'bar',
        title: w.missedLessonsByReason,
        tableId: 'classes',
        categoryKey: 'class',
        seriesKeys: ['illness', 'excused', 'unexcused'],
        stacked: true,
      },
    ],
    notes: [w.noteLessons],
  };
}

export const attendanceTitle = w.title;
