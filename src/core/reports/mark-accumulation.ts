import { teachingWeeks } from './calendar';
import { totalLabel } from './columns';
import { scopeSummary, type ReportContext } from './context';
import { classOrder, isMarkedClass } from './directory';
import { filledTable } from './layout';
import { lessonsInScope } from './lesson-scope';
import {
  markAccumulationLayout,
  type AccumulationRow,
  type ClassAccumulationRow,
  type FewMarksRow,
  type MarkAccumulationTables,
} from './mark-accumulation-layout';
import { percent, ratio, round2, type ReportResult } from './report-types';
import {
  enrolledStudents,
  journalKey,
  journalStudents,
  loadJournals,
  subgroupMembers,
  type Journal,
} from './roster';
import { tallier, type Tally } from './tally';

export type { AccumulationRow, ClassAccumulationRow, FewMarksRow } from './mark-accumulation-layout';

export type MarkAccumulationReport = ReportResult<MarkAccumulationTables>;

export const markAccumulationTitle = markAccumulationLayout.title;

/** A journal with the marks each of its students has in the scope. */
interface JournalMarks {
  readonly journal: Journal;
  readonly students: readonly { readonly studentId: number; readonly marks: number }[];
}

type MarkKey = 'students' | 'marks' | 'noMarks' | 'oneMark';

/** Students of a journal by how many marks they have. */
const markCounts = tallier<{ readonly marks: number }, MarkKey>({
  students: () => true,
  marks: (s) => s.marks,
  noMarks: (s) => s.marks === 0,
  oneMark: (s) => s.marks === 1,
});

/** No mark, or only one: the student cannot be fairly attested (I 3.4). */
const hasGap = (marks: number) => marks <= 1;

/** Compute: every journal of the scope, in class and subject order, with each student's marks. */
function journalMarks(context: ReportContext): JournalMarks[] {
  const { mirror, scope, directory } = context;
  const journals = loadJournals(mirror, scope).filter((j) => isMarkedClass(directory, j.classId));
  const enrolled = enrolledStudents(mirror, scope);
  const members = subgroupMembers(mirror, scope);
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
  return journals.map((journal) => ({
    journal,
    students: journalStudents(journal, enrolled, members).map((studentId) => ({
      studentId,
      marks: counts.get(`${journal.key}:${studentId}`) ?? 0,
    })),
  }));
}

const tallyColumns = (t: Tally<MarkKey>) => ({
  students: t.students,
  marks: t.marks,
  marks_per_student: ratio(t.marks, t.students),
  no_marks: t.noMarks,
  no_marks_pct: percent(t.noMarks, t.students),
  one_mark: t.oneMark,
  one_mark_pct: percent(t.oneMark, t.students),
});

function journalRow(
  context: ReportContext,
  journal: Journal,
  t: Tally<MarkKey>,
  weeks: number,
): AccumulationRow {
  const { directory } = context;
  const perStudent = t.students === 0 ? null : t.marks / t.students;
  const perWeek = perStudent === null || weeks === 0 ? null : perStudent / weeks;
  return {
    class: directory.className(journal.classId),
    subject: directory.subjectName(journal.subjectId),
    subgroup: journal.subgroupName,
    teacher: journal.teacherIds.map((id) => directory.staffName(id)).join(', '),
    weekly_hours: round2(journal.weeklyHours),
    ...tallyColumns(t),
    marks_per_week: perWeek === null ? null : round2(perWeek),
    load_ratio_pct:
      perWeek === null || journal.weeklyHours === 0 ? null : percent(perWeek, journal.weeklyHours),
  };
}

/** A class's row (or the school's): students on the roll, and the student × subject pairs counted. */
function classRow(name: string, t: Tally<MarkKey>, onRoll: number, withGap: number): ClassAccumulationRow {
  return {
    class: name,
    ...tallyColumns(t),
    students: onRoll,
    pairs: t.students,
    marks_per_student: ratio(t.marks, onRoll),
    students_with_gap: withGap,
  };
}

/**
 * Mark accumulation (I 6.2): marks per student in each journal against the weekly load, and the
 * students with no mark or only one (I 3.4), who cannot be fairly attested.
 */
export function markAccumulationFromContext(context: ReportContext): MarkAccumulationReport {
  const { mirror, scope, directory } = context;
  const weeks = teachingWeeks(mirror, scope, context.today);
  const enrolled = enrolledStudents(mirror, scope);
  const journals = journalMarks(context).map((j) => ({ ...j, tally: markCounts.of(j.students) }));

  const classes = [...directory.classes.keys()].flatMap((classId) => {
    const own = journals.filter((j) => j.journal.classId === classId);
    if (own.length === 0) return [];
    const gaps = new Set(
      own.flatMap((j) => j.students.filter((s) => hasGap(s.marks)).map((s) => s.studentId)),
    );
    return [
      {
        classId,
        tally: markCounts.sum(own.map((j) => j.tally)),
        gaps,
        onRoll: enrolled.get(classId)?.length ?? 0,
      },
    ];
  });
  const school = markCounts.sum(journals.map((j) => j.tally));
  const schoolGaps = new Set(classes.flatMap((c) => [...c.gaps]));
  const schoolOnRoll = classes.reduce((sum, c) => sum + c.onRoll, 0);
  const schoolWeeks = weeks === 0 ? null : school.marks / Math.max(school.students, 1) / weeks;

  const byClass = classOrder(directory);
  const fewMarks = journals
    .flatMap(({ journal, students }) =>
      students
        .filter((s) => hasGap(s.marks))
        .map((s) => ({
          classId: journal.classId,
          row: {
            class: directory.className(journal.classId),
            student: directory.studentName(s.studentId),
            subject: directory.subjectName(journal.subjectId),
            marks: s.marks,
          } satisfies FewMarksRow,
        })),
    )
    .sort(
      (a, b) =>
        byClass(a.classId, b.classId) ||
        a.row.student.localeCompare(b.row.student) ||
        a.row.subject.localeCompare(b.row.subject),
    )
    .map((few) => few.row);

  const label = totalLabel(directory.language);
  const { tables } = markAccumulationLayout;
  return {
    name: 'mark-accumulation',
    title: markAccumulationLayout.title,
    scope: scopeSummary(scope),
    generatedAt: context.now.toISOString(),
    tables: {
      journals: filledTable('journals', tables.journals, {
        rows: journals.map((j) => journalRow(context, j.journal, j.tally, weeks)),
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
      }),
      classes: filledTable('classes', tables.classes, {
        rows: classes.map((c) => classRow(directory.className(c.classId), c.tally, c.onRoll, c.gaps.size)),
        totals: classRow(label, school, schoolOnRoll, schoolGaps.size),
      }),
      fewMarks: filledTable('fewMarks', tables.fewMarks, { rows: fewMarks, totals: null }),
    },
    charts: markAccumulationLayout.charts,
    notes: markAccumulationLayout.notes,
  };
}
