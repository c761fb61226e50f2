/**
 * The deputies' period report over the whole large demo school (3,000 students, ~1M marks):
 * the end-of-period reports of quarter 3 from one context (journal keeping, mark accumulation,
 * monthly filling, attendance, achievement); beside them the forecast two weeks before the close
 * with its backtest on the earlier periods, the weekly activity of the quarter's last week, and
 * all seven together. The baseline in the same run: the bare grouped read of the quarter's marks
 * (count and average per class × subject × student), the least any mark indicator has to read.
 * Alternated over rounds, so the ratio holds on a busy machine where absolute times wander.
 *
 *   npx tsx bench/reports.bench.ts [--db FILE]   (without --db the large school is generated first)
 */
import { parseArgs } from 'node:util';
import { fixedClock } from '../src/core/clock';
import { openMirror } from '../src/core/db/mirror';
import { reportContext } from '../src/core/reports/context';
import { findReport, reportNames } from '../src/core/reports/definitions';
import type { ReportParams } from '../src/shared/report-params';
import { tempDir } from '../tests/support/temp-dir';
import { writeLargeSchool } from './large-school';
import { median, printRow, wallAndCpu, type WallAndCpu } from './measure';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TARGET_SECONDS = 2;
const { values } = parseArgs({ options: { db: { type: 'string' } } });

const dbPath = values.db ?? writeLargeSchool(tempDir('moor-bench-'));

const mirror = openMirror(dbPath, { readonly: true });
const clock = fixedClock('2026-06-01T06:00:00.000Z');
const quarter = mirror.first(
  mirror.db
    .selectFrom('reporting_period')
    .select(['starts_on', 'ends_on'])
    .where('kind', '=', 'quarter')
    .where('number', '=', 3),
);
if (!quarter) throw new Error(`${dbPath} has no quarter 3`);
const params: ReportParams = { period: '3', asOf: '2026-03-06' };
const lastWeek: ReportParams = { from: '2026-03-16', to: '2026-03-22' };
const baseline = mirror.sqlite.prepare(
  `SELECT l.class_id, l.subject_id, m.student_id, count(*), avg(m.numeric_value)
   FROM lesson l JOIN mark m ON m.lesson_id = l.id
   WHERE l.date BETWEEN ? AND ?
   GROUP BY l.class_id, l.subject_id, m.student_id`,
);

/** The end-of-period reports (I 6.2–6.3), from one context. */
const periodNames = [
  'journal-keeping',
  'mark-accumulation',
  'monthly-filling',
  'attendance',
  'achievement',
] as const;

const runs = {
  'period report': () => {
    const context = reportContext(mirror, params, clock);
    return periodNames.map((name) => findReport(name).build(context));
  },
  forecast: () => findReport('forecast').build(reportContext(mirror, params, clock)),
  'weekly activity': () => findReport('weekly-activity').build(reportContext(mirror, lastWeek, clock)),
  'all seven reports': () => {
    const context = reportContext(mirror, params, clock);
    const week = reportContext(mirror, lastWeek, clock);
    return reportNames.map((name) => findReport(name).build(name === 'weekly-activity' ? week : context));
  },
};

const first = wallAndCpu(runs['all seven reports']);
const result = runs['all seven reports']();
const rows = result.reduce(
  (sum, r) => sum + Object.values(r.tables).reduce((s, t) => s + t.rows.length, 0),
  0,
);
console.log(
  `Quarter 3 (${quarter.starts_on} – ${quarter.ends_on}), ${result.length} reports, ${rows.toLocaleString('en-US')} rows; ` +
    `first run (cold caches): ${first.wall.toFixed(3)} s wall, ${first.cpu.toFixed(3)} s CPU`,
);

const samples = new Map<string, WallAndCpu[]>([
  ['baseline read', []],
  ...Object.keys(runs).map((k): [string, WallAndCpu[]] => [k, []]),
]);
for (let round = 0; round < ROUNDS; round += 1) {
  samples.get('baseline read')?.push(wallAndCpu(() => baseline.all(quarter.starts_on, quarter.ends_on)));
  for (const [name, run] of Object.entries(runs)) samples.get(name)?.push(wallAndCpu(run));
}
const medians = new Map(
  [...samples].map(([name, list]) => [
    name,
    { wall: median(list.map((s) => s.wall)), cpu: median(list.map((s) => s.cpu)) },
  ]),
);
printRow(['', 'median wall s', 'median CPU s', 'CPU × baseline']);
const base = medians.get('baseline read') ?? { wall: 1, cpu: 1 };
for (const [name, m] of medians) {
  printRow([name, m.wall.toFixed(3), m.cpu.toFixed(3), `${(m.cpu / base.cpu).toFixed(2)}×`]);
}
const period = medians.get('period report') ?? { wall: Infinity, cpu: Infinity };
console.log(
  `Period report: ${period.wall.toFixed(3)} s wall, ${period.cpu.toFixed(3)} s CPU; target ≤ ${TARGET_SECONDS} s: ` +
    `${period.cpu <= TARGET_SECONDS ? 'met' : 'NOT met'} (by CPU time; wall time counts other processes' load too)`,
);
mirror.close();
