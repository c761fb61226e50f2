import { teachingWeeks } from './calendar';
import { column, commonColumn, journalColumns, totalLabel } from './columns';
import { scopeSummary, type ReportContext } from './context';
import { classOrder, isMarkedClass } from './directory';
import { lessonFacts } from './lesson-facts';
import { seenChangesTable, type SeenChangesRow } from './mirror-changes';
import { percent, round2, type ReportResult, type ReportTable } from './report-types';
import { journalKey, loadJournals, type Journal } from './roster';
import { reportWords } from './report-words';

const w = reportWords.journalKeeping;

/** Journal-keeping figures of one journal (class × subject × subgroup) or of a sum of journals. */
export interface KeepingCounts {
  planned: number;
  held: number;
  noTopic: number;
  noHomework: number;
  lessonsLate: number;
  substitutions: number;
  unrecordedSubstitutions: number;
  marks: number;
  lateMarks: number;
  correctedMarks: number;
  backdatedMarks: number;
}

export type JournalKeepingRow = {
  class: string;
  subject: string;
  subgroup: string;
  teacher: string;
  weekly_hours: number | null;
  planned: number | null;
  held: number;
  held_pct: number | null;
  no_topic: number;
  no_homework: number;
  lessons_late: number;
  substitutions: number;
  unrecorded_substitutions: number;
  marks: number;
  late_marks: number;
  late_marks_pct: number | null;
  corrected_marks: number;
  backdated_marks: number;
};

export type TeacherKeepingRow = Omit<JournalKeepingRow, 'class' | 'subject' | 'subgroup' | 'weekly_hours'> & {
  journals: number;
};

export type JournalKeepingReport = ReportResult<{
  journals: ReportTable<JournalKeepingRow>;
  teachers: ReportTable<TeacherKeepingRow>;
  seenChanges: ReportTable<SeenChangesRow>;
}>;

const emptyCounts = (): KeepingCounts => ({
  planned: 0,
  held: 0,
  noTopic: 0,
  noHomework: 0,
  lessonsLate: 0,
  substitutions: 0,
  unrecordedSubstitutions: 0,
  marks: 0,
  lateMarks: 0,
  correctedMarks: 0,
  backdatedMarks: 0,
});

function addCounts(into: KeepingCounts, from: KeepingCounts): void {
  for (const key of Object.keys(into) as (keyof KeepingCounts)[]) into[key] += from[key];
}

interface JournalFigures {
  journal: Journal;
  counts: KeepingCounts;
  hasLoad: boolean;
}

/** Sums lessons and marks per journal, straight from SQL aggregates. */
export function journalFigures(context: ReportContext): JournalFigures[] {
  const { mirror, scope, today } = context;
  const journals = loadJournals(mirror, scope);
  const weeks = teachingWeeks(mirror, scope, today);
  const facts = lessonFacts(context);
  const figures = new Map<string, JournalFigures>();
  const forJournal = (
    classId: number,
    subjectId: number,
    subgroupId: number | null,
  ): JournalFigures | undefined => {
    const key = journalKey(classId, subjectId, subgroupId);
    let entry = figures.get(key);
    if (!entry) {
      if (scope.teacherId !== null) return undefined;
      if (!context.directory.classes.has(classId)) return undefined;
      entry = {
        journal: { key, classId, subjectId, subgroupId, subgroupName: '', teacherIds: [], weeklyHours: 0 },
        counts: emptyCounts(),
        hasLoad: false,
      };
      figures.set(key, entry);
    }
    return entry;
  };
  for (const journal of journals) {
    if (!context.directory.classes.has(journal.classId)) continue;
    const counts = emptyCounts();
    counts.planned = Math.round(journal.weeklyHours * weeks);
    figures.set(journal.key, { journal, counts, hasLoad: true });
  }
  for (const fact of facts) {
    const entry = forJournal(fact.classId, fact.subjectId, fact.subgroupId);
    if (!entry) continue;
    const { counts, journal } = entry;
    counts.held += fact.lessons;
    counts.noTopic += fact.noTopic;
    if (isMarkedClass(context.directory, fact.classId)) counts.noHomework += fact.noHomework;
    counts.lessonsLate += fact.lessonsLate;
    counts.substitutions += fact.substitutions;
    // A lesson given by someone who does not carry this load is a substitution, recorded or not.
    if (entry.hasLoad && !journal.teacherIds.includes(fact.teacherId)) {
      counts.unrecordedSubstitutions += fact.lessons - fact.substitutions;
    }
    if (!entry.hasLoad && !journal.teacherIds.includes(fact.teacherId)) {
      (journal.teacherIds as number[]).push(fact.teacherId);
    }
    counts.marks += fact.marks;
    counts.lateMarks += fact.lateMarks;
    counts.correctedMarks += fact.correctedMarks;
    counts.backdatedMarks += fact.backdatedMarks;
  }
  const byClass = classOrder(context.directory);
  return [...figures.values()].sort(
    (a, b) =>
      byClass(a.journal.classId, b.journal.classId) ||
      context.directory
        .subjectName(a.journal.subjectId)
        .localeCompare(context.directory.subjectName(b.journal.subjectId)) ||
      a.journal.subgroupName.localeCompare(b.journal.subgroupName),
  );
}

function countColumns(counts: KeepingCounts, withPlan: boolean) {
  return {
    planned: withPlan ? counts.planned : null,
    held: counts.held,
    held_pct: withPlan ? percent(counts.held, counts.planned) : null,
    no_topic: counts.noTopic,
    no_homework: counts.noHomework,
    lessons_late: counts.lessonsLate,
    substitutions: counts.substitutions,
    unrecorded_substitutions: counts.unrecordedSubstitutions,
    marks: counts.marks,
    late_marks: counts.lateMarks,
    late_marks_pct: percent(counts.lateMarks, counts.marks),
    corrected_marks: counts.correctedMarks,
    backdated_marks: counts.backdatedMarks,
  };
}

const countHeaders = [
  column<JournalKeepingRow>('planned', 'integer', w.lessonsPlanned),
  column<JournalKeepingRow>('held', 'integer', w.lessonsHeld),
  column<JournalKeepingRow>('held_pct', 'percent', w.heldPct),
  column<JournalKeepingRow>('no_topic', 'integer', w.noTopic),
  column<JournalKeepingRow>('no_homework', 'integer', w.noHomework),
  column<JournalKeepingRow>('lessons_late', 'integer', w.lessonEnteredLater),
  column<JournalKeepingRow>('substitutions', 'integer', w.substitutionsRecorded),
  column<JournalKeepingRow>('unrecorded_substitutions', 'integer', w.substitutionsNotRecorded),
  column<JournalKeepingRow>('marks', 'integer', w.marks),
  column<JournalKeepingRow>('late_marks', 'integer', w.marksEnteredLate),
  column<JournalKeepingRow>('late_marks_pct', 'percent', w.latePct),
  column<JournalKeepingRow>('corrected_marks', 'integer', w.correctedMarks),
  column<JournalKeepingRow>('backdated_marks', 'integer', w.enteredAfterTheQuarterEnded),
];

export function journalKeepingFromContext(context: ReportContext): JournalKeepingReport {
  const { directory } = context;
  const figures = journalFigures(context);
  const total = emptyCounts();
  const teachers = new Map<number, { counts: KeepingCounts; journals: number; withPlan: boolean }>();
  const journalRows: JournalKeepingRow[] = figures.map(({ journal, counts, hasLoad }) => {
    addCounts(total, counts);
    for (const teacherId of journal.teacherIds) {
      const entry = teachers.get(teacherId) ?? { counts: emptyCounts(), journals: 0, withPlan: true };
      addCounts(entry.counts, counts);
      entry.journals += 1;
      entry.withPlan &&= hasLoad;
      teachers.set(teacherId, entry);
    }
    return {
      class: directory.className(journal.classId),
      subject: directory.subjectName(journal.subjectId),
      subgroup: journal.subgroupName,
      teacher: journal.teacherIds.map((id) => directory.staffName(id)).join(', '),
      weekly_hours: hasLoad ? round2(journal.weeklyHours) : null,
      ...countColumns(counts, hasLoad),
    };
  });
  const teacherRows: TeacherKeepingRow[] = [...teachers.entries()]
    .map(([teacherId, entry]) => ({
      teacher: directory.staffName(teacherId),
      journals: entry.journals,
      ...countColumns(entry.counts, entry.withPlan),
    }))
    .sort((a, b) => a.teacher.localeCompare(b.teacher));
  const label = totalLabel(directory.language);
  const totalColumns = countColumns(total, true);
  return {
    name: 'journal-keeping',
    title: journalKeepingTitle,
    scope: scopeSummary(context.scope),
    generatedAt: context.now.toISOString(),
    tables: {
      journals: {
        id: 'journals',
        title: w.byJournal,
        columns: [...journalColumns, ...countHeaders],
        rows: journalRows,
        totals: { class: label, subject: '', subgroup: '', teacher: '', weekly_hours: null, ...totalColumns },
      },
      teachers: {
        id: 'teachers',
        title: w.byTeacher,
        columns: [
          commonColumn('teacher', 'teacher'),
          column('journals', 'integer', w.journals),
          ...countHeaders,
        ],
        rows: teacherRows,
        totals: { teacher: label, journals: journalRows.length, ...totalColumns },
      },
      seenChanges: seenChangesTable(context),
    },
    charts: [
      {
        id: 'held-by-teacher',
        kind: 'bar',
        title: w.lessonsHeldAgainstTheLoadPct,
        tableId: 'teachers',
        categoryKey: 'teacher',
        seriesKeys: ['held_pct'],
      },
      {
        id: 'gaps-by-teacher',
        kind: 'bar',
        title: w.journalKeepingGaps,
        tableId: 'teachers',
        categoryKey: 'teacher',
        seriesKeys: ['no_topic', 'no_homework', 'late_marks', 'corrected_marks'],
        stacked: true,
      },
    ],
    notes: [w.notePlanned, w.noteClassOne, w.noteLate],
  };
}

export const journalKeepingTitle = w.title;
