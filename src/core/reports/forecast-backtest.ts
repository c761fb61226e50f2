import type { Mirror } from '../db/mirror';
import { forecastFinal, type Confidence } from './forecast-model';
import { elapsedShare, marksAsOf, pairKey, weeksBefore } from './forecast-data';

export interface BacktestTally {
  /** Finals with a mark (2–5) that were forecast. */
  pairs: number;
  exact: number;
  withinOne: number;
  /** Pairs where the previous period's final existed, and how often repeating it was right. */
  baselinePairs: number;
  baselineExact: number;
  byConfidence: Record<Confidence, { pairs: number; exact: number }>;
  /** Finals that turned out a 2 or "not attested", how many of them the forecast had flagged, and all it flagged. */
  actualAtRisk: number;
  caughtAtRisk: number;
  flagged: number;
}

export interface BacktestPeriod extends BacktestTally {
  readonly periodId: number;
  readonly kind: 'quarter' | 'half_year';
  readonly number: number;
  readonly endsOn: string;
  readonly cutoff: string;
}

export interface BacktestResult {
  readonly weeksBefore: number;
  readonly periods: BacktestPeriod[];
  readonly total: BacktestTally;
}

const EXEMPT = /^(осв|бош)/iu;

function emptyTally(): BacktestTally {
  return {
    pairs: 0,
    exact: 0,
    withinOne: 0,
    baselinePairs: 0,
    baselineExact: 0,
    byConfidence: {
      high: { pairs: 0, exact: 0 },
      medium: { pairs: 0, exact: 0 },
      low: { pairs: 0, exact: 0 },
    },
    actualAtRisk: 0,
    caughtAtRisk: 0,
    flagged: 0,
  };
}

function addTally(into: BacktestTally, from: BacktestTally): void {
  into.pairs += from.pairs;
  into.exact += from.exact;
  into.withinOne += from.withinOne;
  into.baselinePairs += from.baselinePairs;
  into.baselineExact += from.baselineExact;
  into.actualAtRisk += from.actualAtRisk;
  into.caughtAtRisk += from.caughtAtRisk;
  into.flagged += from.flagged;
  for (const level of ['high', 'medium', 'low'] as const) {
    into.byConfidence[level].pairs += from.byConfidence[level].pairs;
    into.byConfidence[level].exact += from.byConfidence[level].exact;
  }
}

export interface BacktestOptions {
  readonly academicYearId: number;
  readonly weeksBefore: number;
  readonly minMarks: number;
  /** Only periods that ended before this day (the live forecast learns from the past only). */
  readonly endedBefore?: string;
  readonly classId?: number | null;
  readonly subjectId?: number | null;
}

/**
 * Replays the forecast on periods whose finals are recorded: for each, the marks as they stood
 * `weeksBefore` weeks before its end, forecast, compared with the final the teacher set.
 */
export function backtestForecast(mirror: Mirror, options: BacktestOptions): BacktestResult {
  let periodQuery = mirror.db
    .selectFrom('reporting_period')
    .select(['id', 'kind', 'number', 'starts_on', 'ends_on'])
    .where('academic_year_id', '=', options.academicYearId)
    .where('kind', 'in', ['quarter', 'half_year'])
    .orderBy('ends_on')
    .orderBy('kind');
  if (options.endedBefore !== undefined) periodQuery = periodQuery.where('ends_on', '<', options.endedBefore);
  const periods = mirror.all(periodQuery);
  const loaded = new Map<number, ReturnType<typeof readFinals>>();
  const finalsOf = (periodId: number) => {
    const known = loaded.get(periodId);
    if (known) return known;
    const finals = readFinals(periodId);
    loaded.set(periodId, finals);
    return finals;
  };
  const readFinals = (periodId: number) => {
    let query = mirror.db
      .selectFrom('period_final')
      .select(['class_id', 'student_id', 'subject_id', 'value', 'numeric_value'])
      .where('period_id', '=', periodId);
    if (options.classId != null) query = query.where('class_id', '=', options.classId);
    if (options.subjectId != null) query = query.where('subject_id', '=', options.subjectId);
    return mirror.all(query).filter((f) => !(f.numeric_value === null && EXEMPT.test(f.value.trim())));
  };
  const results: BacktestPeriod[] = [];
  const total = emptyTally();
  for (const period of periods) {
    if (period.kind === 'year') continue;
    const finals = finalsOf(period.id);
    if (finals.length === 0) continue;
    const previous = periods.find((p) => p.kind === period.kind && p.number === period.number - 1);
    const baseline = new Map(
      (previous ? finalsOf(previous.id) : []).map((f) => [
        pairKey(f.class_id, f.student_id, f.subject_id),
        f.numeric_value,
      ]),
    );
    const cutoff = weeksBefore(period.ends_on, options.weeksBefore);
    const asOf = cutoff < period.starts_on ? period.starts_on : cutoff;
    const share = elapsedShare(period.starts_on, period.ends_on, asOf);
    const marks = marksAsOf(mirror, {
      from: period.starts_on,
      asOf,
      classId: options.classId ?? null,
      subjectId: options.subjectId ?? null,
      // Half-year finals exist for the senior classes only: read only their marks.
      classIds: [...new Set(finals.map((f) => f.class_id))],
    });
    const tally = emptyTally();
    for (const final of finals) {
      const key = pairKey(final.class_id, final.student_id, final.subject_id);
      const forecast = forecastFinal(marks.get(key) ?? { count: 0, sum: 0 }, options.minMarks, share);
      const actual = final.numeric_value;
      const actualRisk = actual === null || actual < 3;
      if (actualRisk) tally.actualAtRisk += 1;
      if (forecast.risk !== null) {
        tally.flagged += 1;
        if (actualRisk) tally.caughtAtRisk += 1;
      }
      if (actual === null || forecast.predicted === null) continue;
      tally.pairs += 1;
      const hit = forecast.predicted === actual;
      if (hit) tally.exact += 1;
      if (Math.abs(forecast.predicted - actual) <= 1) tally.withinOne += 1;
      tally.byConfidence[forecast.confidence].pairs += 1;
      if (hit) tally.byConfidence[forecast.confidence].exact += 1;
      const before = baseline.get(key);
      if (before !== undefined && before !== null) {
        tally.baselinePairs += 1;
        if (before === actual) tally.baselineExact += 1;
      }
    }
    addTally(total, tally);
    results.push({
      ...tally,
      periodId: period.id,
      kind: period.kind,
      number: period.number,
      endsOn: period.ends_on,
      cutoff,
    });
  }
  return { weeksBefore: options.weeksBefore, periods: results, total };
}
