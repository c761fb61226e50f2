import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Mirror } from '../../src/core/db/mirror';
import { MoorError } from '../../src/core/errors';
import { runChecks } from '../../src/core/checks/run-checks';
import { readCoverage } from '../../src/core/mirror/read-coverage';
import { syncKundolukAccounts } from '../../src/core/mirror/sync-kundoluk-accounts';
import { openSmallSchool } from '../support/schools';
import { kundolukDataFromMirror, type FakeLesson } from './fake-kundoluk/from-mirror';
import { startFakeKundoluk, type FakeKundoluk } from './fake-kundoluk/server';
import { context } from './helpers';

const CLASS_TEACHER = 'token-of-the-8a-class-teacher';
const TEACHER = 'token-of-one-teacher';
const september = { from: '2025-09-01', to: '2025-09-30' };

let fake: FakeKundoluk;
let demo: Mirror;
let lessons: FakeLesson[];
/** A teacher who teaches in 8А and in 5Б: their account overlaps the 8А class teacher's. */
let teacherPin: string;

const pinOf = (l: FakeLesson) => (l.teacher as { pinAsString: string } | null)?.pinAsString ?? null;
const gradeOf = (l: FakeLesson) => l.grade as number;

beforeAll(async () => {
  fake = await startFakeKundoluk('unused-token');
  demo = openSmallSchool();
  const data = kundolukDataFromMirror(demo);
  lessons = data.lessons;
  fake.quarters = data.quarters;
  const in5 = new Set(lessons.filter((l) => gradeOf(l) === 5).map(pinOf));
  const both = lessons.find((l) => gradeOf(l) === 8 && in5.has(pinOf(l)));
  if (both === undefined) throw new Error('the small school has no teacher of both classes');
  teacherPin = pinOf(both) as string;
  fake.tokens.set(CLASS_TEACHER, (l) => gradeOf(l) === 8);
  fake.tokens.set(TEACHER, (l) => pinOf(l) === teacherPin);
});
afterAll(async () => {
  demo.close();
  await fake.close();
});
beforeEach(() => {
  fake.lessons = structuredClone(lessons);
  fake.requests.length = 0;
  fake.breaks = undefined;
});

/** The small school's classes and subjects with nothing recorded of what brought them. */
function schoolWithoutCoverage(): Mirror {
  const mirror = openSmallSchool();
  mirror.sqlite.exec('DELETE FROM sync_coverage');
  return mirror;
}

const accounts = [
  { account: '8А класс жетекчиси', token: CLASS_TEACHER },
  { account: 'Мугалим', token: TEACHER },
];

function options() {
  return { baseUrl: fake.url, ...september, retries: 1, backoffMs: 5, accounts };
}

/** The pairs (class:subject code) a set of the fake's lessons holds. */
function pairsOf(filter: (l: FakeLesson) => boolean): Set<string> {
  return new Set(
    lessons
      .filter((l) => filter(l) && l.lessonDay <= `${september.to}T99`)
      .map((l) => `${gradeOf(l)}${String(l.letter)}:${String(l.subjectId)}`),
  );
}

describe('the whole school from several Kundoluk accounts', () => {
  it('syncs the accounts one after another, and the coverage says who brought what and what no one covers', async () => {
    const mirror = schoolWithoutCoverage();
    try {
      const seen: string[] = [];
      const result = await syncKundolukAccounts(
        mirror,
        {
          ...options(),
          onProgress: (p) => {
            seen.push(`${p.accountNumber}/${p.accounts} ${p.account} ${p.week}/${p.weeks}`);
          },
        },
        context(),
      );
      expect(result.accounts.map((a) => a.account)).toEqual(['8А класс жетекчиси', 'Мугалим']);
      // Every week of the first account is written before the second account is asked.
      expect(seen).toEqual([
        ...[1, 2, 3, 4, 5].map((w) => `1/2 8А класс жетекчиси ${w}/5`),
        ...[1, 2, 3, 4, 5].map((w) => `2/2 Мугалим ${w}/5`),
      ]);
      const coverage = readCoverage(mirror);
      const codes = new Map(
        mirror.sqlite
          .prepare<[], { id: number; code: string }>('SELECT id, code FROM subject')
          .all()
          .map((s) => [s.id, s.code]),
      );
      const byPair = new Map(coverage.rows.map((r) => [`${r.className}:${codes.get(r.subjectId)}`, r]));
      const classTeachers = pairsOf((l) => gradeOf(l) === 8);
      const teachers = pairsOf((l) => pinOf(l) === teacherPin);
      const overlap = [...teachers].filter((p) => classTeachers.has(p));
      const gap = [...byPair.keys()].filter((p) => !classTeachers.has(p) && !teachers.has(p));
      expect(overlap.length).toBeGreaterThan(0);
      expect(gap.length).toBeGreaterThan(0);
      for (const pair of overlap) {
        expect(
          byPair
            .get(pair)
            ?.sources.map((s) => [s.account, s.syncedThrough])
            .sort(),
        ).toEqual([
          ['8А класс жетекчиси', '2025-09-30'],
          ['Мугалим', '2025-09-30'],
        ]);
      }
      for (const pair of [...teachers].filter((p) => !classTeachers.has(p))) {
        expect(byPair.get(pair)?.sources.map((s) => s.account)).toEqual(['Мугалим']);
      }
      for (const pair of gap) {
        expect(byPair.get(pair)?.syncedThrough, pair).toBeNull();
        expect(byPair.get(pair)?.sources).toEqual([]);
      }
      expect(coverage.reachedThrough).toBe('2025-09-30');

      // Day 1 of the first quarter names exactly what no account brought.
      const period = mirror.sqlite
        .prepare<[], { id: number; kind: 'quarter'; number: number; startsOn: string; endsOn: string }>(
          "SELECT id, kind, number, starts_on AS startsOn, ends_on AS endsOn FROM reporting_period WHERE kind = 'quarter' AND number = 1",
        )
        .get();
      const classIds = mirror.sqlite.prepare<[], { id: number }>('SELECT id FROM class').all();
      if (period === undefined) throw new Error('no quarter');
      const report = runChecks(mirror, { period, classIds: classIds.map((c) => c.id) });
      const flagged = new Set(
        [...report.items.flatMap((i) => i.findings), ...report.unattributed]
          .filter((f) => f.rule === 'not_synced')
          .map((f) => {
            const row = coverage.rows.find((r) => r.classId === f.classId && r.subjectId === f.subjectId);
            return `${row?.className}:${codes.get(f.subjectId)}`;
          }),
      );
      expect([...flagged].sort()).toEqual(gap.sort());
    } finally {
      mirror.close();
    }
  });

  it('a run cut in the second account resumes there, without asking the first again', async () => {
    const mirror = schoolWithoutCoverage();
    try {
      fake.breaks = (r) =>
        r.authorization === `Bearer ${TEACHER}` && r.query.start_date === '2025-09-15' ? 503 : undefined;
      const error: unknown = await syncKundolukAccounts(mirror, options(), context()).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(MoorError);
      expect((error as MoorError).code).toBe('KUNDOLUK_UNAVAILABLE');
      expect((error as MoorError).message).toMatch(/^Мугалим: /);
      fake.breaks = undefined;
      fake.requests.length = 0;
      const resumed = await syncKundolukAccounts(
        mirror,
        { ...options(), resume: true },
        context('2025-11-20T10:00:00Z'),
      );
      expect(resumed.accounts.map((a) => [a.account, a.alreadyDone])).toEqual([
        ['8А класс жетекчиси', true],
        ['Мугалим', false],
      ]);
      expect(fake.requests.every((r) => r.authorization === `Bearer ${TEACHER}`)).toBe(true);
      const asked = fake.requests.filter((r) => r.path.endsWith('/list')).map((r) => r.query.start_date);
      expect(asked.sort()).toEqual(['2025-09-15', '2025-09-22', '2025-09-29']);
      const runs = mirror.sqlite
        .prepare(
          'SELECT account, weeks_done, finished_at IS NOT NULL AS finished FROM kundoluk_sync ORDER BY id',
        )
        .all();
      expect(runs).toEqual([
        { account: '8А класс жетекчиси', weeks_done: 5, finished: 1 },
        { account: 'Мугалим', weeks_done: 5, finished: 1 },
      ]);
    } finally {
      mirror.close();
    }
  });
});
