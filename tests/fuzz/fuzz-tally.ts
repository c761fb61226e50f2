import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Mirror } from '../../src/core/db/mirror';
import { openMirror } from '../../src/core/db/mirror';
import { isMoorError } from '../../src/core/errors';
import type { Row } from '../../src/core/mirror/batch';
import { columnNames, type BundleTable } from '../../src/core/mirror/bundle/columns';
import { rowProblem, rowRules } from '../../src/core/mirror/domain/row-rules';
import { getSetting } from '../../src/core/settings/app-settings';
import { fingerprint } from '../mirror/helpers';

/** Inputs per importer: a few hundred every day; `FUZZ_RUNS=10000` for the long run (README). */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
/** Room for the long run on a busy machine: a second per input (a few hundred take well under a minute). */
export const FUZZ_TIMEOUT_MS = 120_000 + RUNS * 1_000;

export interface Tally {
  inputs: number;
  accepted: number;
  crashes: string[];
  silentAcceptances: string[];
  changesAfterRefusal: number;
}

export function newTally(): Tally {
  return { inputs: 0, accepted: 0, crashes: [], silentAcceptances: [], changesAfterRefusal: 0 };
}

/** Every row of the mirror against the one domain validation: what was accepted must pass it. */
function domainProblems(mirror: Mirror): string[] {
  const years = new Map(
    (mirror.sqlite.prepare('SELECT id, starts_on, ends_on FROM academic_year').all() as Row[]).map((y) => [
      y.id as number,
      { startsOn: String(y.starts_on), endsOn: String(y.ends_on) },
    ]),
  );
  const domain = { scale: getSetting(mirror, 'markScale'), years };
  const problems: string[] = [];
  for (const table of Object.keys(rowRules) as BundleTable[]) {
    const columns = columnNames(table)
      .map((c) => `"${c}"`)
      .join(', ');
    for (const row of mirror.sqlite.prepare(`SELECT ${columns} FROM "${table}"`).all() as Row[]) {
      const problem = rowProblem(table, row, domain);
      if (problem !== undefined)
        problems.push(`${table}.${problem.column} = ${JSON.stringify(row[problem.column])}`);
    }
  }
  return problems;
}

/** Imports one input into a fresh copy of `template` and tallies what happened. */
export async function tryInput(
  template: string,
  dir: string,
  tally: Tally,
  run: (m: Mirror) => Promise<unknown>,
): Promise<void> {
  const db = path.join(dir, 'target.db');
  fs.copyFileSync(template, db);
  const mirror = openMirror(db);
  tally.inputs += 1;
  const before = fingerprint(mirror);
  try {
    await run(mirror);
    tally.accepted += 1;
    tally.silentAcceptances.push(...domainProblems(mirror));
  } catch (error) {
    if (!isMoorError(error)) tally.crashes.push(String(error));
    else if (fingerprint(mirror) !== before) tally.changesAfterRefusal += 1;
  } finally {
    mirror.close();
  }
}

function figures(importer: string, tally: Tally): string {
  return (
    `fuzz ${importer}: ${tally.inputs} inputs (${tally.accepted} accepted), ${tally.crashes.length} crashes, ` +
    `${tally.silentAcceptances.length} silent acceptances, ${tally.changesAfterRefusal} changes after refusal`
  );
}

/** The long run says how far it has come every thousand inputs, so a run cut short still gives its figures. */
export function progress(importer: string, tally: Tally): void {
  if (tally.inputs % 1000 === 0) console.log(`${figures(importer, tally)} so far`);
}

export function report(importer: string, tally: Tally): void {
  console.log(figures(importer, tally));
  expect(tally.crashes).toEqual([]);
  expect(tally.silentAcceptances).toEqual([]);
  expect(tally.changesAfterRefusal).toBe(0);
}

/** Values a careless or hostile source puts in a field. */
export const garbage = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.constantFrom('2025-09-31', '2025-00-10', '2025-10-32', '2031-01-01', '', '\u0000', 'abc', '7', '0', '1'),
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
  fc.double(),
  fc.string({ maxLength: 12 }),
);
