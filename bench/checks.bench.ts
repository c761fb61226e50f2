/**
 * Day-1 checks of quarter 1 over the whole large demo school (3,000 students, ~1M marks), beside
 * a baseline in the same run: the bare grouped read of the quarter's marks (count and average per
 * class × subject × student), the least any set of mark rules has to read. Alternated over
 * several rounds, so the ratio holds on a busy machine where absolute times wander.
 *
 *   npx tsx bench/checks.bench.ts [--db FILE]   (without --db the large school is generated first)
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { runChecks } from '../src/core/checks/run-checks';
import { openMirror } from '../src/core/db/mirror';
import { tempDir } from '../tests/support/temp-dir';
import { writeLargeSchool } from './large-school';
import { median, printRow, time, wallAndCpu, type WallAndCpu } from './measure';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TARGET_SECONDS = 1;
const { values } = parseArgs({ options: { db: { type: 'string' } } });

const dbPath = values.db ?? writeLargeSchool(tempDir('moor-bench-'));

const mirror = openMirror(dbPath, { readonly: true });
const period = mirror.first(
  mirror.db
    .selectFrom('reporting_period')
    .select(['id', 'kind', 'number', 'starts_on as startsOn', 'ends_on as endsOn'])
    .where('kind', '=', 'quarter')
    .where('number', '=', 1),
);
if (!period) throw new Error(`${dbPath} has no quarter 1`);
const classIds = mirror
  .all(mirror.db.selectFrom('class').select('id').where('grade', '>=', 2))
  .map((row) => row.id);
const scope = { period, classIds };
const baseline = mirror.sqlite.prepare(
  `SELECT l.class_id, l.subject_id, m.student_id, count(*), avg(m.numeric_value)
   FROM lesson l JOIN mark m ON m.lesson_id = l.id
   WHERE l.date BETWEEN ? AND ? AND l.class_id IN (SELECT value FROM json_each(?))
   GROUP BY l.class_id, l.subject_id, m.student_id`,
);

const first = time('checks (first run)', () => runChecks(mirror, scope));
const report = first.result;
const findings = Object.values(report.totals).reduce((a, b) => a + b, 0);
console.log(
  `Quarter 1, ${classIds.length} classes, ${report.items.length} teacher × class × subject items, ` +
    `${findings.toLocaleString('en-US')} findings: ${JSON.stringify(report.totals)}`,
);
console.log(`First run (cold caches): ${first.timing.seconds.toFixed(3)} s`);

const checks: WallAndCpu[] = [];
const base: WallAndCpu[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  base.push(wallAndCpu(() => baseline.all(period.startsOn, period.endsOn, JSON.stringify(classIds))));
  checks.push(wallAndCpu(() => runChecks(mirror, scope)));
}
const row = (label: string, runs: WallAndCpu[]) => {
  const walls = runs.map((r) => r.wall);
  printRow([
    label,
    median(walls).toFixed(3),
    Math.min(...walls).toFixed(3),
    median(runs.map((r) => r.cpu)).toFixed(3),
  ]);
};
printRow(['', 'wall median s', 'wall min s', 'cpu median s']);
row('day-1 checks', checks);
row('baseline read', base);
const checksWall = median(checks.map((r) => r.wall));
const checksCpu = median(checks.map((r) => r.cpu));
console.log(
  `Ratio checks / baseline: wall ${(checksWall / median(base.map((r) => r.wall))).toFixed(2)}×, ` +
    `cpu ${(checksCpu / median(base.map((r) => r.cpu))).toFixed(2)}×`,
);
console.log(
  `Target ≤ ${TARGET_SECONDS} s: wall ${checksWall <= TARGET_SECONDS ? 'met' : 'NOT met'}, ` +
    `cpu ${checksCpu <= TARGET_SECONDS ? 'met' : 'NOT met'} (load average ${os.loadavg()[0]?.toFixed(1) ?? '?'} on ${os.cpus().length} cores)`,
);
mirror.close();
