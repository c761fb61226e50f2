import { MoorError } from '../errors';
import { totalLabel } from './columns';
import { scopeSummary, type ReportContext } from './context';
import { classOrder, isMarkedClass } from './directory';
import { requirePeriod } from './finals';
import { backtestForecast, type BacktestResult, type BacktestTally } from './forecast-backtest';
import { elapsedShare, marksAsOf, pairKey } from './forecast-data';
import {
  forecastLayout,
  type BacktestRow,
  type ClassForecastRow,
  type ForecastTables,
  type PredictionRow,
} from './forecast-layout';
import { forecastFinal, type Confidence, type Forecast } from './forecast-model';
import { filledTable } from './layout';
import { DEFAULT_MIN_MARKS } from './params';
import { percent, type ReportResult } from './report-types';
import { enrolledStudents, journalStudents, loadJournals, subgroupMembers } from './roster';
import { tallier, type Tally } from './tally';

export type { BacktestRow, ClassForecastRow, PredictionRow } from './forecast-layout';

export type ForecastReport = ReportResult<ForecastTables> & {
  readonly asOf: string;
  readonly weeksBeforeEnd: number;
  /** Backtested share of exact forecasts per confidence, from this year's earlier periods (null: none yet). */
  readonly accuracyByConfidence: Record<Confidence, number | null>;
};

export const forecastTitle = forecastLayout.title;

/** One student's forecast in one journal, with the class it sorts by. */
interface Prediction {
  readonly classId: number;
  readonly studentId: number;
  readonly row: PredictionRow;
  readonly forecast: Forecast;
}

/** The day the forecast looks from, and how many weeks before the period's end that is. */
function forecastDay(context: ReportContext): { asOf: string; weeksBeforeEnd: number } {
  const { scope } = context;
  const asOf = context.params.asOf ?? (context.today < scope.to ? context.today : scope.to);
  if (asOf < scope.from) {
    throw new MoorError(
      'REPORT_TOO_EARLY',
      `The period starts on ${scope.from}; there is nothing to forecast from on ${asOf}.`,
      { asOf, from: scope.from },
    );
  }
  const weeksBeforeEnd = Math.max(
    0,
    Math.round((Date.parse(scope.to) - Date.parse(asOf)) / (7 * 86_400_000)),
  );
  return { asOf, weeksBeforeEnd };
}

function exactShare(t: { pairs: number; exact: number }): number | null {
  return percent(t.exact, t.pairs);
}

/** Every student's forecast in every journal of the scope, in class-list order. */
function predictions(
  context: ReportContext,
  asOf: string,
  minMarks: number,
  accuracy: Record<Confidence, number | null>,
): Prediction[] {
  const { mirror, scope, directory } = context;
  const journals = loadJournals(mirror, scope).filter((j) => isMarkedClass(directory, j.classId));
  const order = classOrder(directory);
  journals.sort(
    (a, b) =>
      order(a.classId, b.classId) ||
      directory.subjectName(a.subjectId).localeCompare(directory.subjectName(b.subjectId)),
  );
  const onRoll = enrolledStudents(mirror, { ...scope, from: asOf, to: asOf });
  const members = subgroupMembers(mirror, scope);
  const marks = marksAsOf(mirror, {
    from: scope.from,
    asOf,
    classId: scope.classId,
    subjectId: scope.subjectId,
  });
  const share = elapsedShare(scope.from, scope.to, asOf);
  const language = directory.language;
  const all = journals.flatMap((journal) => {
    const teacher = journal.teacherIds.map((id) => directory.staffName(id)).join(', ');
    return journalStudents(journal, onRoll, members).map((studentId): Prediction => {
      const forecast = forecastFinal(
        marks.get(pairKey(journal.classId, studentId, journal.subjectId)) ?? { count: 0, sum: 0 },
        minMarks,
        share,
      );
      return {
        classId: journal.classId,
        studentId,
        forecast,
        row: {
          class: directory.className(journal.classId),
          student: directory.studentName(studentId),
          subject: directory.subjectName(journal.subjectId),
          teacher,
          marks: forecast.count,
          average: forecast.mean,
          predicted: forecast.predicted,
          risk: forecast.risk === null ? '' : forecastLayout.risk[forecast.risk][language],
          confidence: forecastLayout.confidence[forecast.confidence][language],
          accuracy_pct: accuracy[forecast.confidence],
        },
      };
    });
  });
  // Class lists run by grade, then by name; the screen and the paper read them that way.
  return all.sort(
    (a, b) =>
      order(a.classId, b.classId) ||
      a.row.student.localeCompare(b.row.student) ||
      a.row.subject.localeCompare(b.row.subject),
  );
}

const isPredicted = (p: number | null, atLeast: number) => p !== null && p >= atLeast;

/** Forecast finals by value. */
const finals = tallier<Forecast, 'fives' | 'fours' | 'threes' | 'twos' | 'none'>({
  fives: (f) => isPredicted(f.predicted, 5),
  fours: (f) => f.predicted === 4,
  threes: (f) => f.predicted === 3,
  twos: (f) => f.predicted !== null && f.predicted < 3,
  none: (f) => f.predicted === null,
});

/** Students by what their forecasts in all subjects together make likely. */
const students = tallier<readonly Forecast[], 'students' | 'atRisk' | 'success' | 'quality'>({
  students: () => true,
  atRisk: (forecasts) => forecasts.some((f) => f.risk !== null),
  success: (forecasts) => forecasts.every((f) => isPredicted(f.predicted, 3)),
  quality: (forecasts) => forecasts.every((f) => isPredicted(f.predicted, 4)),
});

type ClassTally = Tally<'fives' | 'fours' | 'threes' | 'twos' | 'none'> &
  Tally<'students' | 'atRisk' | 'success' | 'quality'>;

/** Each class's forecasts counted by value and by student. */
function classTallies(all: readonly Prediction[]): Map<number, ClassTally> {
  const byClass = new Map<number, Map<number, Forecast[]>>();
  for (const { classId, studentId, forecast } of all) {
    const ofClass = byClass.get(classId) ?? new Map<number, Forecast[]>();
    byClass.set(classId, ofClass);
    ofClass.set(studentId, [...(ofClass.get(studentId) ?? []), forecast]);
  }
  return new Map(
    [...byClass].map(([classId, ofClass]) => [
      classId,
      { ...finals.of([...ofClass.values()].flat()), ...students.of(ofClass.values()) },
    ]),
  );
}

function classRow(name: string, t: ClassTally): ClassForecastRow {
  return {
    class: name,
    students: t.students,
    fives: t.fives,
    fours: t.fours,
    threes: t.threes,
    twos: t.twos,
    no_forecast: t.none,
    at_risk_students: t.atRisk,
    likely_success_pct: percent(t.success, t.students),
    likely_quality_pct: percent(t.quality, t.students),
  };
}

function backtestRow(period: string, cutoff: string, t: BacktestTally): BacktestRow {
  return {
    period,
    cutoff,
    pairs: t.pairs,
    exact_pct: percent(t.exact, t.pairs),
    within_one_pct: percent(t.withinOne, t.pairs),
    baseline_pct: percent(t.baselineExact, t.baselinePairs),
    high_pct: exactShare(t.byConfidence.high),
    medium_pct: exactShare(t.byConfidence.medium),
    low_pct: exactShare(t.byConfidence.low),
    at_risk_caught_pct: percent(t.caughtAtRisk, t.actualAtRisk),
  };
}

/**
 * Each student's likely final of the period from the marks so far, and the at-risk list (a likely
 * 2, or too few marks to be attested), weeks before the close (K 2.8). How sure each forecast is
 * comes from replaying the same forecast on this year's earlier periods at the same distance from their end.
 */
export function forecastFromContext(context: ReportContext): ForecastReport {
  const { mirror, scope, directory, params } = context;
  requirePeriod(scope, 'forecast');
  const minMarks = params.minMarks ?? DEFAULT_MIN_MARKS;
  const { asOf, weeksBeforeEnd } = forecastDay(context);
  const backtest: BacktestResult = backtestForecast(mirror, {
    academicYearId: scope.academicYearId,
    weeksBefore: weeksBeforeEnd,
    minMarks,
    endedBefore: scope.from,
    classId: scope.classId,
    subjectId: scope.subjectId,
  });
  const accuracyByConfidence: Record<Confidence, number | null> = {
    high: exactShare(backtest.total.byConfidence.high),
    medium: exactShare(backtest.total.byConfidence.medium),
    low: exactShare(backtest.total.byConfidence.low),
  };
  const all = predictions(context, asOf, minMarks, accuracyByConfidence);

  const perClass = classTallies(all);
  const classes = [...directory.classes.keys()].flatMap((classId) => {
    const tally = perClass.get(classId);
    return tally ? [{ classId, tally }] : [];
  });
  const school: ClassTally = {
    ...finals.sum(classes.map((c) => c.tally)),
    ...students.sum(classes.map((c) => c.tally)),
  };

  const language = directory.language;
  const rows = all.map((p) => p.row);
  const { tables: layout, notes } = forecastLayout;
  const backtestTotals =
    backtest.periods.length === 0 ? null : backtestRow(totalLabel(language), '', backtest.total);
  const tables: ForecastTables = {
    atRisk: filledTable('atRisk', layout.atRisk, {
      rows: rows.filter((row) => row.risk !== ''),
      totals: null,
    }),
    classes: filledTable('classes', layout.classes, {
      rows: classes.map((c) => classRow(directory.className(c.classId), c.tally)),
      totals: classRow(totalLabel(language), school),
    }),
    backtest: filledTable('backtest', layout.backtest(weeksBeforeEnd), {
      rows: backtest.periods.map((p) =>
        backtestRow(forecastLayout.periodName(p.kind, p.number, language), p.cutoff, p),
      ),
      totals: backtestTotals,
    }),
  };
  if (scope.classId !== null) {
    tables.predictions = filledTable('predictions', layout.predictions, { rows, totals: null });
  }
  return {
    name: 'forecast',
    title: forecastLayout.title,
    scope: scopeSummary(scope),
    generatedAt: context.now.toISOString(),
    asOf,
    weeksBeforeEnd,
    accuracyByConfidence,
    tables,
    charts: forecastLayout.charts,
    notes: [
      notes.method(asOf, weeksBeforeEnd),
      notes.tooFewMarks(minMarks),
      backtestTotals === null ? notes.noBacktest : notes.backtest(backtestTotals.exact_pct),
    ],
  };
}
