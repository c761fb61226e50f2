import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KundolukRole } from '../../src/core/mirror/kundoluk/paths';
import { syncBundleFile } from '../../src/core/mirror/sync-bundle';
import { syncKundoluk } from '../../src/core/mirror/sync-kundoluk';
import { kundolukDataFromMirror, type FakeQuarterMark } from '../mirror/fake-kundoluk/from-mirror';
import { startFakeKundoluk, type FakeKundoluk, type FakeRequest } from '../mirror/fake-kundoluk/server';
import { context, emptyMirror } from '../mirror/helpers';
import { bundleOf } from '../mirror/tiny-bundle';
import { tempDir } from '../support/temp-dir';
import { FUZZ_TIMEOUT_MS, garbage, newTally, progress, report, RUNS, tryInput } from './fuzz-tally';

const TOKEN = 'eyJ-fuzz-token';
/** One week, written in one transaction: a refusal must leave the mirror as it was. */
const WEEK = { from: '2025-09-15', to: '2025-09-21' };

/** Every answer shape the sync reads: the schedule, a term's marks and absences, the quarter marks. */
const SHAPES = ['list', 'term-marks', 'term-absences', 'qmarks'] as const;
type Shape = (typeof SHAPES)[number];

function shapeOf(request: FakeRequest): Shape | undefined {
  if (request.path.endsWith('/gradebook/list')) return 'list';
  if (/\/gradebook\/term\/\d$/.test(request.path))
    return request.query.absent === '1' ? 'term-absences' : 'term-marks';
  if (request.path.endsWith('/qmarks/all')) return 'qmarks';
  return undefined;
}

/** A value nested `depth` levels deep, as a hostile answer may be (within what JSON.stringify can write). */
const deep = fc
  .integer({ min: 50, max: 2_500 })
  .chain((depth) =>
    fc
      .boolean()
      .map((asArray) =>
        Array.from({ length: depth }).reduce<unknown>((inner) => (asArray ? [inner] : { x: inner }), 1),
      ),
  );

/** What a changed or broken service sends in a field's place. */
const fieldValue = fc.oneof(
  garbage,
  fc.constant(null),
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -1, 0, 1e9, -1e9, 99, 0.5),
  fc.constantFrom(
    '2025-09-31T00:00:00',
    '2025-13-01T00:00:00',
    '0000-00-00T00:00:00',
    '2025-09-15',
    '15.09.2025',
    'yesterday',
    '2025-09-15T25:61:00',
  ),
  deep,
);

/** One change to one answer shape: a field removed, replaced, or an item repeated, at a node picked by index. */
const mutation = fc.record({
  shape: fc.constantFrom(...SHAPES),
  node: fc.nat(),
  kind: fc.constantFrom('remove', 'replace', 'repeat'),
  value: fieldValue,
});
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

/** Every place in a JSON value as [parent, key] pairs, walked without recursion (values may be deep). */
function places(value: unknown): [Record<string, unknown> | unknown[], string | number][] {
  const found: [Record<string, unknown> | unknown[], string | number][] = [];
  const stack = [value];
  for (let node = stack.pop(); stack.length > 0 || node !== undefined; node = stack.pop()) {
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        found.push([node, i]);
        stack.push(child);
      });
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node)) {
        found.push([node as Record<string, unknown>, key]);
        stack.push(child);
      }
    }
  }
  return found;
}

function mutate(answer: Record<string, unknown>, m: Mutation): void {
  const all = places(answer);
  const place = all[m.node % Math.max(all.length, 1)];
  if (place === undefined) return;
  const [parent, key] = place;
  // Values are placed by reference: the answer is only written out, never changed afterwards.
  if (m.kind === 'replace') (parent as Record<string | number, unknown>)[key] = m.value;
  else if (Array.isArray(parent)) {
    const index = key as number;
    if (m.kind === 'remove') parent.splice(index, 1);
    else parent.push(parent[index]);
  } else if (m.kind === 'remove') Reflect.deleteProperty(parent, key);
  else parent[`${String(key)}Copy`] = parent[key as string];
}

let fake: FakeKundoluk;
let dir: string;
let template: string;

/** A one-class school with Kundoluk's personal numbers, and Kundoluk serving the same journal. */
beforeAll(async () => {
  dir = tempDir();
  const bundle = path.join(dir, 'school.json');
  fs.writeFileSync(
    bundle,
    JSON.stringify(
      bundleOf({
        students: 3,
        lessons: [
          { day: 15, marks: ['5', '4', null] },
          { day: 16, marks: ['3', null, '2'] },
          { day: 18, marks: [null, '4', '4'] },
        ],
      }),
    ),
  );
  template = path.join(dir, 'template.db');
  const mirror = emptyMirror(dir, 'template.db');
  syncBundleFile(mirror, bundle, context());
  mirror.sqlite.exec(
    "UPDATE student SET kundoluk_pin = '2010120100000' || id; UPDATE staff SET kundoluk_pin = '1198001010000' || id",
  );
  fake = await startFakeKundoluk(TOKEN);
  Object.assign(fake, kundolukDataFromMirror(mirror));
  const [lesson] = fake.lessons;
  if (lesson === undefined) throw new Error('no lesson');
  const subject = lesson.subject as { nameKg: string; nameRu: string };
  fake.quarterMarks = lesson.students.map((s, i): FakeQuarterMark => ({
    objectId: `Q${i}`,
    gradeId: String(lesson.gradeId),
    studentId: s.studentId,
    subjectId: String(lesson.subjectId),
    quarter: 1,
    quarterMark: 5 - i,
    customMark: null,
    quarterDate: '2025-10-28T10:00:00',
    subjectNameKg: subject.nameKg,
    subjectNameRu: subject.nameRu,
  }));
  // The lessons the answers carry are removed first, so an accepted answer writes them again.
  mirror.sqlite.exec('DELETE FROM mark; DELETE FROM attendance; DELETE FROM lesson');
  mirror.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  mirror.close();
});
afterAll(async () => {
  await fake.close();
});

function sync(mutations: readonly Mutation[]) {
  // Quarter marks are asked for only with a student's token.
  const role: KundolukRole = mutations.some((m) => m.shape === 'qmarks') ? 'student' : 'teacher';
  fake.reshape = (request, answer) => {
    const shape = shapeOf(request);
    // A copy: the fake's answer shares its objects with the journal it serves.
    const changed = JSON.parse(JSON.stringify(answer)) as Record<string, unknown>;
    for (const m of mutations) if (m.shape === shape) mutate(changed, m);
    return changed;
  };
  return (mirror: Parameters<typeof syncKundoluk>[0]) =>
    syncKundoluk(
      mirror,
      { baseUrl: fake.url, token: TOKEN, ...WEEK, role, retries: 0, backoffMs: 1, timeoutMs: 30_000 },
      context('2025-11-21T09:00:00Z'),
    );
}

describe('fuzzing the Kundoluk sync', () => {
  it('accepts the answers as the fake sends them, for a teacher and a student', async () => {
    const tally = newTally();
    await tryInput(template, dir, tally, sync([]));
    const qmarks = { shape: 'qmarks', node: 0, kind: 'repeat', value: null } as const;
    await tryInput(template, dir, tally, sync([qmarks]));
    report('kundoluk (unchanged answers)', tally);
    expect(tally.accepted).toBe(2);
  });

  it(
    `kundoluk: ${RUNS} mutated answers of every shape`,
    async () => {
      const tally = newTally();
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
          await tryInput(template, dir, tally, sync(mutations));
          progress('kundoluk', tally);
        }),
        { numRuns: RUNS },
      );
      report('kundoluk', tally);
    },
    FUZZ_TIMEOUT_MS,
  );
});
