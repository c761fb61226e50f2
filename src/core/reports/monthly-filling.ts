import { teachingWeeks } from './calendar';
import { column, commonColumn, totalLabel } from './columns';
import { scopeSummary, type ReportContext } from './context';
import { isMarkedClass } from './directory';
import { lessonFacts } from './lesson-facts';
import { percent, ratio, type ReportResult, type ReportTable } from './report-types';
import { enrolledStudents, journalKey, loadJournals } from './roster';
import { reportWords } from './report-words';

const w = reportWords.monthlyFilling;

export type FillingRow = {
  month: string;
  class: string;
  planned: number;
  held: number;
  held_pct: number | null;
  topic_pct: number | null;
  homework_pct: number | null;
  marks: number;
  marks_per_student: number | null;
  late_marks_pct: number | null;
  absences: number;
};

export type MonthlyFillingReport = ReportResult<{
  months: ReportTable<FillingRow>;
  classes: ReportTable<FillingRow>;
}>;

interface Tally {
  planned: number;
  held: number;
  noTopic: number;
  homeworkLessons: number;
  noHomework: number;
  marks: number;
  lateMarks: number;
  students: number;
  absences: number;
}

const emptyTally = (): Tally => ({
  planned: 0,
  held: 0,
  noTopic: 0,
  homeworkLessons: 0,
  noHomework: 0,
  marks: 0,
  lateMarks: 0,
  students: 0,
  absences: 0,
});

function addTally(into: Tally, from: Tally): void {
  for (const key of Object.keys(into) as (keyof Tally)[]) into[key] += from[key];
}

function figures(t: Tally) {
  return {
    planned: t.planned,
    held: t.held,
    held_pct: percent(t.held, t.planned),
    topic_pct: percent(t.held - t.noTopic, t.held),
    homework_pct: percent(t.homeworkLessons - t.noHomework, t.homeworkLessons),
    marks: t.marks,
    marks_per_student: ratio(t.marks, t.students),
    late_marks_pct: percent(t.lateMarks, t.marks),
    absences: t.absences,
  };
}

/** The months the scope touches, each clipped to the scope: [month, from, to]. */
function monthsOf(from: string, to: string): [string, string, string][] {
  const months: [string, string, string][] = [];
  let month = from.slice(0, 7);
  while (month <= to.slice(0, 7)) {
    const [year, number] = month.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(year, number, 0)).toISOString().slice(0, 10);
    months.push([month, `${month}-01` < from ? from : `${month}-01`, last > to ? to : last]);
    month = new Date(Date.UTC(year, number, 1)).toISOString().slice(0, 7);
  }
  return months;
}

/**
 * The monthly journal filling report (I 6.2): per month and class, lessons held against the load,
 * how many have their topic and homework, marks accumulated per student, and marks entered late.
 */
export function monthlyFillingFromContext(context: ReportContext): MonthlyFillingReport {
  const { mirror, scope, directory } = context;
  const journals = loadJournals(mirror, scope);
  // A teacher's report covers the journals they keep, substitutes' lessons in them included.
  const kept = scope.teacherId === null ? null : new Set(journals.map((j) => j.key));
  const facts = lessonFacts(context).filter(
    (fact) => kept === null || kept.has(journalKey(fact.classId, fact.subjectId, fact.subgroupId)),
  );
  const months = monthsOf(scope.from, scope.to);
  const tallies = new Map<string, Tally>();
  const tally = (m: string, classId: number): Tally | undefined => {
    if (!directory.classes.has(classId)) return undefined;
    const key = `${m}|${classId}`;
    let entry = tallies.get(key);
    if (!entry) {
      entry = emptyTally();
      tallies.set(key, entry);
    }
    return entry;
  };
  for (const [m, from, to] of months) {
    const monthScope = { ...scope, from, to };
    const weeks = teachingWeeks(mirror, monthScope, context.today);
    const enrolled = enrolledStudents(mirror, monthScope);
    for (const classId of directory.classes.keys()) {
      const hours = journals.filter((j) => j.classId === classId).reduce((sum, j) => sum + j.weeklyHours, 0);
      const entry = tally(m, classId);
      if (!entry) continue;
      entry.planned = Math.round(hours * weeks);
      entry.students = enrolled.get(classId)?.length ?? 0;
    }
  }
  for (const fact of facts) {
    const entry = tally(fact.month, fact.classId);
    if (!entry) continue;
    entry.held += fact.lessons;
    entry.noTopic += fact.noTopic;
    if (isMarkedClass(directory, fact.classId)) {
      entry.homeworkLessons += fact.lessons;
      entry.noHomework += fact.noHomework;
    }
    entry.marks += fact.marks;
    entry.lateMarks += fact.lateMarks;
    entry.absences += fact.absences;
  }
  const classRows: FillingRow[] = [];
  const monthRows: FillingRow[] = [];
  const all = emptyTally();
  for (const [m] of months) {
    const monthTally = emptyTally();
    for (const [classId, info] of directory.classes) {
      const entry = tallies.get(`${m}|${classId}`);
      if (!entry || (entry.planned === 0 && entry.held === 0)) continue;
      addTally(monthTally, entry);
      classRows.push({ month: m, class: info.label, ...figures(entry) });
    }
    addTally(all, monthTally);
    monthRows.push({ month: m, class: '', ...figures(monthTally) });
  }
  // Students are counted once per month; the scope total per student uses the scope's roll.
  const roll = enrolledStudents(mirror, scope);
  all.students = [...roll.entries()]
    .filter(([id]) => directory.classes.has(id))
    .reduce((s, [, l]) => s + l.length, 0);
  const label = totalLabel(directory.language);
  const fillingColumns = [
    column<FillingRow>('planned', 'integer', w.lessonsPlanned),
    column<FillingRow>('held', 'integer', w.lessonsHeld),
    column<FillingRow>('held_pct', 'percent', w.heldPct),
    column<FillingRow>('topic_pct', 'percent', w.topicEnteredPct),
    column<FillingRow>('homework_pct', 'percent', w.homeworkEnteredPct),
    column<FillingRow>('marks', 'integer', w.marks),
    column<FillingRow>('marks_per_student', 'decimal', w.perStudent),
    column<FillingRow>('late_marks_pct', 'percent', w.marksLatePct),
    column<FillingRow>('absences', 'integer', w.absences),
  ];
  const monthColumn = column<FillingRow>('month', 'text', w.month);
  return {
    name: 'monthly-filling',
    title: monthlyFillingTitle,
    scope: scopeSummary(scope),
    generatedAt: context.now.toISOString(),
    tables: {
      months: {
        id: 'months',
        title: w.byMonth,
        columns: [monthColumn, ...fillingColumns],
        rows: monthRows,
        totals: { month: label, class: '', ...figures(all) },
      },
      classes: {
        id: 'classes',
        title: w.byMonthAndClass,
        columns: [monthColumn, commonColumn('class', 'class'), ...fillingColumns],
        rows: classRows,
        totals: null,
      },
    },
    charts: [
      {
        id: 'filling-by-month',
        kind: 'line',
        title: w.journalFillingPct,
        tableId: 'months',
        categoryKey: 'month',
        seriesKeys: ['held_pct', 'topic_pct', 'homework_pct'],
      },
    ],
    notes: [w.notePerStudent],
  };
}

export const monthlyFillingTitle = w.title;
