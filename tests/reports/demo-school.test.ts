import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock';
import { openMirror, type Mirror } from '../../src/core/db/mirror';
import { createDemoSchool } from '../../src/core/demo/create-demo-school';
import { faultRates } from '../../src/core/demo/faults';
import { reportNames, runReport, runReports } from '../../src/core/reports/definitions';
import { backtestForecast } from '../../src/core/reports/forecast-backtest';
import type { Row } from '../../src/core/reports/report-types';
import { tempDir } from '../temp-dir';
import { deputy } from './constructed-school';

const clock = fixedClock('2026-06-01T06:00:00.000Z');
let mirror: Mirror;

beforeAll(() => {
  mirror = openMirror(path.join(tempDir(), 'demo.db'), { create: true });
  createDemoSchool(mirror, { size: 'small', seed: 11 });
});
afterAll(() => {
  mirror.close();
});

const num = (row: Row | null | undefined, key: string): number => {
  const value = row?.[key];
  if (typeof value !== 'number') throw new Error(`${key} is not a number: ${String(value)}`);
  return value;
};

describe('reports on the generated small school', () => {
  it('finds the faults the generator seeded, at about the rates it seeded them', () => {
    const { tables } = runReport(mirror, deputy, 'journal-keeping', { period: '2' }, clock);
    const totals = tables.journals?.totals;
    expect(num(totals, 'late_marks_pct') / 100).toBeGreaterThan(faultRates.lateMark / 2);
    expect(num(totals, 'late_marks_pct') / 100).toBeLessThan(faultRates.lateMark * 2);
    expect(num(totals, 'corrected_marks') / num(totals, 'marks')).toBeLessThan(faultRates.correctedMark * 3);
    expect(num(totals, 'corrected_marks')).toBeGreaterThan(0);
    expect(num(totals, 'unrecorded_substitutions')).toBeGreaterThan(0);
    // The plan is weekly hours × weeks; a quarter that starts and ends mid-week holds a few more or fewer.
    expect(num(totals, 'held_pct')).toBeGreaterThan(95);
    expect(num(totals, 'held_pct')).toBeLessThan(105);
  });

  it('runs every report of a period from one context, each with rows', () => {
    const reports = runReports(mirror, deputy, reportNames, { period: '3', asOf: '2026-03-06' }, clock);
    expect(reports.map((r) => r.name)).toEqual([...reportNames]);
    for (const report of reports) {
      const rows = Object.values(report.tables).reduce((sum, t) => sum + t.rows.length, 0);
      expect(rows, report.name).toBeGreaterThan(0);
      expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    }
  });

  it('forecasts finals better than repeating the last final, and its confidence means something', () => {
    const result = backtestForecast(mirror, { academicYearId: 1, weeksBefore: 2, minMarks: 3 });
    const { total } = result;
    const exact = total.exact / total.pairs;
    expect(exact).toBeGreaterThan(total.baselineExact / total.baselinePairs);
    const high = total.byConfidence.high.exact / total.byConfidence.high.pairs;
    const low = total.byConfidence.low.exact / total.byConfidence.low.pairs;
    expect(high).toBeGreaterThan(low);
    expect(total.withinOne / total.pairs).toBeGreaterThan(0.95);
  });

  it('is for deputies and the director only', () => {
    expect(() =>
      runReport(
        mirror,
        { userId: 's', name: 'Катчы', role: 'secretary' },
        'attendance',
        { period: '1' },
        clock,
      ),
    ).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }) as Error);
  });
});
