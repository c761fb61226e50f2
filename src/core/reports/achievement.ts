import {
  achievementLayout,
  type AchievementTables,
  type ClassAchievementRow,
  type StudentListRow,
  type SubjectAchievementRow,
} from './achievement-layout';
import { attendanceByStudent, type AttendanceCounts } from './attendance';
import { totalLabel } from './columns';
import { scopeSummary, type ReportContext } from './context';
import type { ClassInfo, Directory } from './directory';
import { loadFinals, standing, type FinalMark, type StudentStanding } from './finals';
import { filledTable } from './layout';
import { percent, round2, type ReportResult } from './report-types';
import { tallier, type Tally } from './tally';

export type { ClassAchievementRow, StudentListRow, SubjectAchievementRow } from './achievement-layout';

export type AchievementReport = ReportResult<AchievementTables>;

export const achievementTitle = achievementLayout.title;

/** A student of a class with their finals of the period and where those leave them. */
interface StudentFinals {
  readonly name: string;
  readonly finals: readonly FinalMark[];
  readonly standing: StudentStanding;
}

/** A marked class with its finals and its students in the order of the class list. */
interface ClassFinals {
  readonly info: ClassInfo;
  readonly finals: readonly FinalMark[];
  readonly students: readonly StudentFinals[];
}

function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
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

const counts = (f: FinalMark) => !f.exempt;
const isTwo = (f: FinalMark) => f.numeric !== null && f.numeric < 3;
const isNotAttested = (f: FinalMark) => f.numeric === null && !f.exempt;

type StandingKey =
  'students' | 'excellent' | 'good' | 'satisfactory' | 'withTwo' | 'notAttested' | 'success' | 'quality';

// A student counts in the best group they reach: excellent, else good, else satisfactory.
const standings = tallier<StudentStanding, StandingKey>({
  students: () => true,
  excellent: (s) => s.excellent,
  good: (s) => s.quality && !s.excellent,
  satisfactory: (s) => s.success && !s.quality,
  withTwo: (s) => s.hasTwo,
  notAttested: (s) => s.notAttested,
  success: (s) => s.success,
  quality: (s) => s.quality,
});

type AttendanceKey = 'lessons' | 'missed' | 'unexcused';

const attendances = tallier<AttendanceCounts, AttendanceKey>({
  lessons: (c) => c.lessons,
  missed: (c) => c.missed,
  unexcused: (c) => c.unexcused,
});

// Of the finals that count (exempt ones do not), so a not-attested final here is a plain null.
const finalValues = tallier<
  FinalMark,
  'finals' | 'fives' | 'fours' | 'threes' | 'twos' | 'notAttested' | 'good'
>({
  finals: () => true,
  fives: (f) => f.numeric === 5,
  fours: (f) => f.numeric === 4,
  threes: (f) => f.numeric === 3,
  twos: isTwo,
  notAttested: (f) => f.numeric === null,
  good: (f) => f.numeric !== null && f.numeric >= 4,
});

/** Each marked class with its students' finals and standing. */
function classFinals(finals: readonly FinalMark[], directory: Directory): ClassFinals[] {
  const byClass = groupBy(finals, (f) => f.classId);
  return [...directory.classes.values()].flatMap((info) => {
    const own = byClass.get(info.id);
    if (!own) return [];
    const students = [...groupBy(own, (f) => f.studentId)].map(([studentId, studentFinals]) => ({
      name: directory.studentName(studentId),
      finals: studentFinals,
      standing: standing(studentFinals),
    }));
    students.sort((a, b) => a.name.localeCompare(b.name));
    return [{ info, finals: own, students }];
  });
}

/** The excellent students, those with a 2 and those not attested, each with the subjects concerned. */
function studentLists(classes: readonly ClassFinals[], directory: Directory) {
  const subjectsOf = (finals: readonly FinalMark[]) =>
    [...new Set(finals.map((f) => directory.subjectName(f.subjectId)))]
      .sort((a, b) => a.localeCompare(b))
      .join(', ');
  const list = (which: (s: StudentFinals) => boolean, subjects: (s: StudentFinals) => string) =>
    classes.flatMap(({ info, students }): StudentListRow[] =>
      students.filter(which).map((s) => ({ class: info.label, student: s.name, subjects: subjects(s) })),
    );
  return {
    excellent: list(
      (s) => s.standing.excellent,
      () => '',
    ),
    withTwo: list(
      (s) => s.standing.hasTwo,
      (s) => subjectsOf(s.finals.filter(isTwo)),
    ),
    notAttested: list(
      (s) => s.standing.notAttested,
      (s) => subjectsOf(s.finals.filter(isNotAttested)),
    ),
  };
}

function classRow(
  names: Pick<ClassAchievementRow, 'class' | 'class_teacher'>,
  students: Tally<StandingKey>,
  attended: Tally<AttendanceKey>,
  finals: readonly FinalMark[],
): ClassAchievementRow {
  return {
    ...names,
    students: students.students,
    excellent: students.excellent,
    good: students.good,
    satisfactory: students.satisfactory,
    with_two: students.withTwo,
    not_attested: students.notAttested,
    success_pct: percent(students.success, students.students),
    quality_pct: percent(students.quality, students.students),
    average: average(finals.filter(counts)),
    missed: attended.missed,
    unexcused: attended.unexcused,
    attendance_pct: percent(attended.lessons - attended.missed, attended.lessons),
  };
}

function subjectRow(className: string, subject: string, finals: readonly FinalMark[]): SubjectAchievementRow {
  const counted = finals.filter(counts);
  const t = finalValues.of(counted);
  return {
    class: className,
    subject,
    finals: t.finals,
    fives: t.fives,
    fours: t.fours,
    threes: t.threes,
    twos: t.twos,
    not_attested: t.notAttested,
    average: average(counted),
    success_pct: percent(t.finals - t.twos - t.notAttested, t.finals),
    quality_pct: percent(t.good, t.finals),
  };
}

/** One row per subject of the finals given, by subject name. */
function subjectRows(className: string, finals: readonly FinalMark[], directory: Directory) {
  return [...groupBy(finals, (f) => f.subjectId)]
    .map(([subjectId, items]) => subjectRow(className, directory.subjectName(subjectId), items))
    .sort((a, b) => a.subject.localeCompare(b.subject));
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
  const classes = classFinals(finals, directory);

  const perClass = classes.map((klass) => ({
    klass,
    students: standings.of(klass.students.map((s) => s.standing)),
    attended: attendances.of(attendance.get(klass.info.id)?.values() ?? []),
  }));
  const school = {
    students: standings.sum(perClass.map((c) => c.students)),
    attended: attendances.sum(perClass.map((c) => c.attended)),
  };

  const label = totalLabel(directory.language);
  const lists = studentLists(classes, directory);
  const { tables } = achievementLayout;
  return {
    name: 'achievement',
    title: achievementLayout.title,
    scope: scopeSummary(scope),
    generatedAt: context.now.toISOString(),
    tables: {
      classes: filledTable('classes', tables.classes, {
        rows: perClass.map(({ klass, students, attended }) =>
          classRow(
            { class: klass.info.label, class_teacher: directory.staffName(klass.info.classTeacherId) },
            students,
            attended,
            klass.finals,
          ),
        ),
        totals: classRow({ class: label, class_teacher: '' }, school.students, school.attended, finals),
      }),
      subjects: filledTable('subjects', tables.subjects, {
        rows: subjectRows('', finals, directory),
        totals: subjectRow('', label, finals),
      }),
      classSubjects: filledTable('classSubjects', tables.classSubjects, {
        rows: classes.flatMap((klass) => subjectRows(klass.info.label, klass.finals, directory)),
        totals: null,
      }),
      excellent: filledTable('excellent', tables.excellent, { rows: lists.excellent, totals: null }),
      withTwo: filledTable('withTwo', tables.withTwo, { rows: lists.withTwo, totals: null }),
      notAttested: filledTable('notAttested', tables.notAttested, { rows: lists.notAttested, totals: null }),
    },
    charts: achievementLayout.charts,
    notes: achievementLayout.notes,
  };
}
