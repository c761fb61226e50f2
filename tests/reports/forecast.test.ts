import { afterEach, describe, expect, it } from 'vitest';
import type { Mirror } from '../../src/core/db/mirror';
import { runReport } from '../../src/core/reports/definitions';
import { backtestForecast } from '../../src/core/reports/forecast-backtest';
import { forecastFinal } from '../../src/core/reports/forecast-model';
import type { ForecastReport } from '../../src/core/reports/forecast';
import { deputy } from '../support/actors';
import { clock, constructedSchool } from './constructed-school';

let mirror: Mirror | undefined;
afterEach(() => mirror?.close());

describe('forecast model', () => {
  it('rounds the mean half up and grades its confidence', () => {
    expect(forecastFinal({ count: 6, sum: 24 }, 3)).toEqual({
      count: 6,
      mean: 4,
      predicted: 4,
      confidence: 'high',
      risk: null,
    });
    expect(forecastFinal({ count: 2, sum: 9 }, 3)).toMatchObject({ predicted: 5, confidence: 'low' });
    expect(forecastFinal({ count: 4, sum: 14 }, 3)).toMatchObject({ predicted: 4, confidence: 'low' }); // 3.5: a boundary
    expect(forecastFinal({ count: 4, sum: 13 }, 3)).toMatchObject({ predicted: 3, confidence: 'medium' }); // 3.25
    expect(forecastFinal({ count: 3, sum: 7 }, 3)).toMatchObject({ predicted: 2, risk: 'likely-two' });
    expect(forecastFinal({ count: 0, sum: 0 }, 3)).toMatchObject({ predicted: null, risk: 'too-few-marks' });
  });

  it('judges "too few marks" by the pace, not the count so far', () => {
    expect(forecastFinal({ count: 1, sum: 4 }, 3, 0.25).risk).toBeNull(); // on pace for 4
    expect(forecastFinal({ count: 1, sum: 4 }, 3, 0.5).risk).toBe('too-few-marks'); // on pace for 2
  });
});

describe('forecast report', () => {
  it('forecasts quarter 2 from the marks the journal had on 17 Sep', () => {
    mirror = constructedSchool().mirror;
    const report = runReport(
      mirror,
      deputy,
      'forecast',
      { period: '2', asOf: '2025-09-17' },
      clock,
    ) as ForecastReport;
    expect(report.asOf).toBe('2025-09-17');
    expect(report.weeksBeforeEnd).toBe(1); // 9 days before 26 Sep
    // Quarter 1 replayed a week before its end (5 Sep): 5 forecasts, 4 exact, all of low confidence.
    expect(report.accuracyByConfidence).toEqual({ high: null, medium: null, low: 80 });
    // Айбек's math: the 4 he had then (corrected to 5 on 20 Sep) and a 5 → 4.5 → 5. Бегимай's 4 of
    // 18 Sep was not there yet → 3. Чынгыз: 2 and 2 → a likely 2; no Kyrgyz mark at all.
    expect(
      report.tables.atRisk.rows.map((r) => [
        r.student,
        r.subject,
        r.marks,
        r.average,
        r.predicted,
        r.risk,
        r.confidence,
        r.accuracy_pct,
      ]),
    ).toEqual([
      ['Бакиров Чынгыз', 'Кыргыз тили', 0, null, null, 'баа аз, аттестацияланбай калышы мүмкүн', 'төмөн', 80],
      ['Бакиров Чынгыз', 'Математика', 2, 2, 2, '«2» болушу мүмкүн', 'төмөн', 80],
    ]);
    expect(report.tables.classes.rows).toEqual([
      {
        class: '5А',
        students: 3,
        fives: 1,
        fours: 1,
        threes: 2,
        twos: 1,
        no_forecast: 1,
        at_risk_students: 1,
        likely_success_pct: 66.7,
        likely_quality_pct: 33.3,
      },
    ]);
    expect(report.tables.predictions).toBeUndefined();
    const oneClass = runReport(
      mirror,
      deputy,
      'forecast',
      { period: '2', asOf: '2025-09-17', classId: 1 },
      clock,
    ) as ForecastReport;
    expect(
      oneClass.tables.predictions?.rows
        .filter((r) => r.subject === 'Математика')
        .map((r) => [r.student, r.marks, r.average, r.predicted]),
    ).toEqual([
      ['Алиева Бегимай', 1, 3, 3],
      ['Асанов Айбек', 2, 4.5, 5],
      ['Бакиров Чынгыз', 2, 2, 2],
    ]);
  });

  it('backtests on the recorded finals and states the accuracy', () => {
    mirror = constructedSchool().mirror;
    const result = backtestForecast(mirror, {
      academicYearId: 1,
      weeksBefore: 1,
      minMarks: 3,
      endedBefore: '2025-09-15',
    });
    expect(result.periods.map((p) => [p.kind, p.number, p.cutoff])).toEqual([['quarter', 1, '2025-09-05']]);
    expect(result.total).toMatchObject({
      pairs: 5,
      exact: 4, // Чынгыз's math: 3 and 2 → 2.5 → 3, the teacher set 2
      withinOne: 5,
      baselinePairs: 0,
      actualAtRisk: 2,
      caughtAtRisk: 1, // his "н/а" in Kyrgyz (no marks); his 2 in math was not foreseen
      flagged: 5,
    });
    expect(result.total.byConfidence).toEqual({
      high: { pairs: 0, exact: 0 },
      medium: { pairs: 0, exact: 0 },
      low: { pairs: 5, exact: 4 },
    });
  });

  it('refuses a day before the period starts', () => {
    mirror = constructedSchool().mirror;
    const db = mirror;
    expect(() => runReport(db, deputy, 'forecast', { period: '2', asOf: '2025-09-10' }, clock)).toThrow(
      expect.objectContaining({ code: 'REPORT_TOO_EARLY' }) as Error,
    );
  });
});
