import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock';
import { openMirror, type Mirror } from '../../src/core/db/mirror';
import { createDemoSchool } from '../../src/core/demo/create-demo-school';
import { faultRates } from '../../src/core/demo/faults';
import { reportNames, runReport, runReports } from '../../src/core/reports/definitions';
import { backtestForecast } from '../../src/core/reports/forecast-backtest';
import type { Row } from '../../src/core/reports/report-types';
import { tempDir } from '../support/temp-dir';
import { deputy, secretary } from '../support/actors';

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

  it("counts each student's lessons as a plain join of lessons, class lists and subgroups would", () => {
    // The report counts lessons per day and sums them per student; this is the definition itself.
    const plain = mirror.sqlite
      .prepare<[string, string], { class_id: number; student_id: number; lessons: number }>(
        `SELECT e.class_id, e.student_id, count(*) AS lessons
         FROM lesson l JOIN enrollment e ON e.class_id = l.class_id
           AND e.joined_on <= l.date AND (e.left_on IS NULL OR e.left_on >= l.date)
         WHERE l.date BETWEEN ? AND ?
           AND (l.subgroup_id IS NULL OR EXISTS (SELECT 1 FROM subgroup_member sm
                WHERE sm.subgroup_id = l.subgroup_id AND sm.student_id = e.student_id))
         GROUP BY e.class_id, e.student_id`,
      )
      .all('2025-11-10', '2025-12-30');
    const { tables } = runReport(mirror, deputy, 'attendance', { period: '2' }, clock);
    const reported = tables.students?.rows.map((r) => r.lessons).sort() ?? [];
    expect(reported).toEqual(plain.map((r) => r.lessons).sort());
    expect(num(tables.classes?.totals, 'lessons')).toBe(plain.reduce((sum, r) => sum + r.lessons, 0));
    const subgrouped = mirror.sqlite.prepare('SELECT count(*) AS n FROM subgroup_member').get() as {
      n: number;
    };
    expect(subgrouped.n).toBeGreaterThan(0);
  });

  it('is for deputies and the director only', () => {
    expect(() => runReport(mirror, secretary, 'attendance', { period: '1' }, clock)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }) as Error,
    );
  });
});
