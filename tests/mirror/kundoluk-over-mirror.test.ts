import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mirror } from '../../src/core/db/mirror';
import { syncKundoluk } from '../../src/core/mirror/sync-kundoluk';
import { openSmallSchool } from '../support/schools';
import { kundolukDataFromMirror } from './fake-kundoluk/from-mirror';
import { startFakeKundoluk, type FakeKundoluk } from './fake-kundoluk/server';
import { context } from './helpers';

const WHOLE_SCHOOL = 'token-sees-everything';
const CLASS_8 = 'token-of-8a';
let fake: FakeKundoluk;
let demo: Mirror;

beforeAll(async () => {
  fake = await startFakeKundoluk(WHOLE_SCHOOL);
  demo = openSmallSchool();
  const data = kundolukDataFromMirror(demo);
  fake.lessons = data.lessons;
  fake.quarters = data.quarters;
  fake.tokens.set(CLASS_8, (l) => l.grade === 8);
});
afterAll(async () => {
  demo.close();
  await fake.close();
});

describe('Kundoluk over a mirror that already holds the same journal', () => {
  it('changes nothing: filling in the source’s own keys and records is no change', async () => {
    const mirror = openSmallSchool();
    try {
      const range = { from: '2025-09-01', to: '2025-09-14' };
      const result = await syncKundoluk(
        mirror,
        { baseUrl: fake.url, token: WHOLE_SCHOOL, ...range },
        context(),
      );
      expect([result.added, result.changed, result.removed, result.changesSeen]).toEqual([0, 0, 0, 0]);
      // The rows now carry Kundoluk's keys, so the next sync finds them by those.
      const keyed = mirror.sqlite
        .prepare("SELECT count(*) AS n FROM mark WHERE source_ref LIKE 'kundoluk:%'")
        .get() as { n: number };
      expect(keyed.n).toBeGreaterThan(0);

      // A teacher corrects one mark of 8А; the class's account re-syncs the week: one change.
      const mark = fake.lessons
        .filter((l) => l.grade === 8 && l.lessonDay < '2025-09-08')
        .flatMap((l) => l.students.flatMap((s) => s.marks))
        .find((m) => m.mark === 3 && m.mark_type !== 'quarter');
      if (mark === undefined) throw new Error('no mark 3 in 8А’s first week');
      mark.old_mark = 3;
      mark.mark = 4;
      const again = await syncKundoluk(
        mirror,
        { baseUrl: fake.url, token: CLASS_8, from: '2025-09-01', to: '2025-09-07' },
        context(),
      );
      expect([again.added, again.changed, again.removed, again.changesSeen]).toEqual([0, 1, 0, 1]);
    } finally {
      mirror.close();
    }
  });
});
