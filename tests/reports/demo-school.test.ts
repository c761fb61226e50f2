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

/** One row of figures from a plain query of the mirror. */
function figures<K extends string>(
  query: string,
  params: Record<string, string | number>,
): Record<K, number> {
  const row = mirror.sqlite.prepare<[Record<string, string | number>], Record<K, number>>(query).get(params);
  if (!row) throw new Error('the query returned no row');
  return row;
}

function quarter(number: number): { id: number; from: string; to: string } {
  const period = mirror.sqlite
    .prepare<[number], { id: number; from: string; to: string }>(
      'SELECT id, starts_on AS "from", ends_on AS "to" FROM reporting_period WHERE kind = \'quarter\' AND number = ?',
    )
    .get(number);
  if (!period) throw new Error(`no quarter ${number}`);
  return period;
}

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

  it('counts the entries of each day of entry as plain queries of the mirror do', () => {
    const { from, to } = quarter(3);
    // The school's day of an instant is its date in Bishkek (UTC+6).
    const plain = figures<'lessons' | 'marks' | 'corrections' | 'attendance'>(
      `SELECT (SELECT count(*) FROM lesson WHERE date(entered_at, '+6 hours') BETWEEN @from AND @to) AS lessons,
         (SELECT count(*) FROM mark WHERE date(entered_at, '+6 hours') BETWEEN @from AND @to) AS marks,
         (SELECT count(*) FROM mark WHERE changed_at > entered_at
            AND date(changed_at, '+6 hours') BETWEEN @from AND @to) AS corrections,
         (SELECT count(*) FROM attendance WHERE date(entered_at, '+6 hours') BETWEEN @from AND @to) AS attendance`,
      { from, to },
    );
    const totals = runReport(mirror, deputy, 'weekly-activity', { period: '3' }, clock).tables.teachers
      ?.totals;
    expect(totals).toMatchObject({
      ...plain,
      total: plain.lessons + plain.marks + plain.corrections + plain.attendance,
    });
    expect(plain.marks).toBeGreaterThan(0);
    expect(plain.corrections).toBeGreaterThan(0);
  });

  it('counts the marks of the students on each journal as a plain join does', () => {
    const { from, to } = quarter(3);
    const onRoll = `EXISTS (SELECT 1 FROM enrollment e WHERE e.class_id = l.class_id AND e.student_id = m.student_id
        AND e.joined_on <= @to AND (e.left_on IS NULL OR e.left_on >= @from))`;
    const inSubgroup = `(l.subgroup_id IS NULL OR EXISTS (SELECT 1 FROM subgroup_member sm
        WHERE sm.subgroup_id = l.subgroup_id AND sm.student_id = m.student_id))`;
    const plain = figures<'marks' | 'students'>(
      `SELECT (SELECT count(*) FROM mark m JOIN lesson l ON l.id = m.lesson_id JOIN class c ON c.id = l.class_id
           WHERE l.date BETWEEN @from AND @to AND c.grade >= 2 AND ${onRoll} AND ${inSubgroup}) AS marks,
         (SELECT count(*) FROM enrollment e JOIN class c ON c.id = e.class_id
           WHERE c.grade >= 2 AND e.joined_on <= @to AND (e.left_on IS NULL OR e.left_on >= @from)) AS students`,
      { from, to },
    );
    const { tables } = runReport(mirror, deputy, 'mark-accumulation', { period: '3' }, clock);
    expect(num(tables.journals?.totals, 'marks')).toBe(plain.marks);
    expect(tables.classes?.totals).toMatchObject({ marks: plain.marks, students: plain.students });
    const pairs = num(tables.classes?.totals, 'pairs');
    expect(num(tables.journals?.totals, 'marks_per_student')).toBe(
      Math.round((plain.marks / pairs) * 100) / 100,
    );
  });

  it('counts the lessons held and those without topic or homework as plain queries do', () => {
    const { from, to } = quarter(3);
    const plain = figures<'held' | 'no_topic' | 'no_homework'>(
      `SELECT count(*) AS held, sum(topic IS NULL OR trim(topic) = '') AS no_topic,
         sum(homework IS NULL OR trim(homework) = '') AS no_homework
       FROM lesson WHERE date BETWEEN @from AND @to`,
      { from, to },
    );
    const totals = runReport(mirror, deputy, 'journal-keeping', { period: '3' }, clock).tables.journals
      ?.totals;
    expect(totals).toMatchObject(plain);
    expect(plain.no_topic).toBeGreaterThan(0);
  });

  it("counts the period's finals and the students' standing as plain queries do", () => {
    const { id } = quarter(1);
    const exempt = `(numeric_value IS NULL AND (value LIKE 'осв%' OR value LIKE 'бош%'))`;
    const finals = figures<'finals' | 'fives' | 'fours' | 'threes' | 'twos' | 'not_attested' | 'average'>(
      `SELECT count(*) AS finals, sum(numeric_value = 5) AS fives, sum(numeric_value = 4) AS fours,
         sum(numeric_value = 3) AS threes, sum(numeric_value < 3) AS twos,
         sum(numeric_value IS NULL AND NOT ${exempt}) AS not_attested, round(avg(numeric_value), 2) AS average
       FROM period_final WHERE period_id = @id AND NOT ${exempt}`,
      { id },
    );
    // One row per student: how many finals, how many below 3, not attested, or below 4, and the lowest.
    const students = figures<'students' | 'with_two' | 'not_attested' | 'success' | 'quality' | 'excellent'>(
      `SELECT count(*) AS students, sum(twos > 0) AS with_two, sum(missing > 0) AS not_attested,
         sum(twos = 0 AND missing = 0) AS success, sum(twos = 0 AND missing = 0 AND low = 0 AND marked > 0) AS quality,
         sum(twos = 0 AND missing = 0 AND marked > 0 AND lowest = 5) AS excellent
       FROM (SELECT sum(numeric_value < 3) AS twos, sum(numeric_value IS NULL AND NOT ${exempt}) AS missing,
               sum(numeric_value < 4) AS low, count(numeric_value) AS marked, min(numeric_value) AS lowest
             FROM period_final WHERE period_id = @id GROUP BY class_id, student_id)`,
      { id },
    );
    const { tables } = runReport(mirror, deputy, 'achievement', { period: '1' }, clock);
    expect(tables.subjects?.totals).toMatchObject({
      ...finals,
      success_pct:
        Math.round(((finals.finals - finals.twos - finals.not_attested) / finals.finals) * 1000) / 10,
    });
    expect(tables.classes?.totals).toMatchObject({
      students: students.students,
      excellent: students.excellent,
      good: students.quality - students.excellent,
      satisfactory: students.success - students.quality,
      with_two: students.with_two,
      not_attested: students.not_attested,
      success_pct: Math.round((students.success / students.students) * 1000) / 10,
      quality_pct: Math.round((students.quality / students.students) * 1000) / 10,
    });
    expect(finals.twos).toBeGreaterThan(0);
    expect(students.quality).toBeGreaterThan(0);
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
