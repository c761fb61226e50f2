import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Mirror } from '../../src/core/db/mirror';
import { tableCounts } from '../../src/core/db/table-counts';
import { MoorError } from '../../src/core/errors';
import { listChanges } from '../../src/core/mirror/changes';
import { syncKundoluk } from '../../src/core/mirror/sync-kundoluk';
import { tableIo } from '../../src/core/mirror/table-io';
import { aisRefresher } from '../../src/core/mirror/kundoluk/sign-in';
import { tempDir } from '../support/temp-dir';
import { deputy } from '../support/actors';
import { openSmallSchool } from '../support/schools';
import { kundolukDataFromMirror, type FakeLesson, type FakeMark } from './fake-kundoluk/from-mirror';
import { startFakeKundoluk, type FakeKundoluk } from './fake-kundoluk/server';
import { context, emptyMirror, fingerprint } from './helpers';

const TOKEN = 'eyJ-secret-token-never-printed';
const september = { from: '2025-09-01', to: '2025-09-30' };

let fake: FakeKundoluk;
let demo: Mirror;
let data: ReturnType<typeof kundolukDataFromMirror>;

beforeAll(async () => {
  fake = await startFakeKundoluk(TOKEN);
  demo = openSmallSchool();
  data = kundolukDataFromMirror(demo);
});
afterAll(async () => {
  demo.close();
  await fake.close();
});
beforeEach(() => {
  fake.lessons = structuredClone(data.lessons);
  fake.quarters = structuredClone(data.quarters);
  fake.quarterMarks = [];
  fake.faults.length = 0;
  fake.requests.length = 0;
  fake.duplicate = false;
  fake.breaks = undefined;
});

const day = (l: FakeLesson) => l.lessonDay.slice(0, 10);
const recordsOf = (l: FakeLesson): FakeMark[] => l.students.flatMap((s) => s.marks);
const isMark = (m: FakeMark) => m.mark > 0 && m.mark_type !== 'quarter';

/** A mirror holding only the school and its calendar, as after the school's setup. */
function calendarOnly(): Mirror {
  const mirror = emptyMirror(tempDir());
  mirror.transaction(() => {
    for (const table of ['school', 'academic_year', 'reporting_period', 'holiday'] as const) {
      const io = tableIo(mirror, table);
      for (const row of demo.sqlite.prepare(`SELECT * FROM ${table}`).all() as Record<
        string,
        string | number | null
      >[]) {
        io.insert(row);
      }
    }
  });
  return mirror;
}

function options(extra: Partial<Parameters<typeof syncKundoluk>[1]> = {}) {
  return {
    baseUrl: fake.url,
    token: TOKEN,
    ...september,
    retries: 2,
    backoffMs: 5,
    timeoutMs: 30_000,
    ...extra,
  };
}

function count(mirror: Mirror, sql: string, ...params: unknown[]): number {
  return (mirror.sqlite.prepare(sql).get(...params) as { n: number }).n;
}

/** Rows of the school's data: every table but the mirror's own logs. */
function dataRows(mirror: Mirror): number {
  const logs = new Set([
    'sync_run',
    'mirror_change',
    'audit_log',
    'audit_head',
    'kundoluk_sync',
    'sync_coverage',
  ]);
  return tableCounts(mirror)
    .filter((t) => !logs.has(t.table))
    .reduce((sum, t) => sum + t.rows, 0);
}

async function rejection(promise: Promise<unknown>): Promise<MoorError> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(MoorError);
  return error as MoorError;
}

describe('sync from Kundoluk', () => {
  it('fills the mirror from the gradebook and quarter marks, and a second sync changes nothing', async () => {
    const mirror = calendarOnly();
    try {
      const first = await syncKundoluk(mirror, options(), context());
      const inSeptember =
        "JOIN lesson l ON l.id = t.lesson_id WHERE l.date BETWEEN '2025-09-01' AND '2025-09-30'";
      expect(count(mirror, 'SELECT count(*) AS n FROM lesson')).toBe(
        count(demo, "SELECT count(*) AS n FROM lesson WHERE date BETWEEN '2025-09-01' AND '2025-09-30'"),
      );
      expect(count(mirror, 'SELECT count(*) AS n FROM mark')).toBe(
        count(demo, `SELECT count(*) AS n FROM mark t ${inSeptember}`),
      );
      expect(count(mirror, 'SELECT count(*) AS n FROM attendance')).toBe(
        count(demo, `SELECT count(*) AS n FROM attendance t ${inSeptember}`),
      );
      expect(count(mirror, 'SELECT count(*) AS n FROM class WHERE kundoluk_id IS NOT NULL')).toBe(2);
      expect(first.weeks).toBe(5);
      expect(
        count(mirror, "SELECT count(*) AS n FROM lesson WHERE raw LIKE '%scheduleItemId%'"),
      ).toBeGreaterThan(0);
      expect(first.added).toBeGreaterThan(1000);
      expect(fake.requests.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);

      fake.duplicate = true;
      const second = await syncKundoluk(mirror, options(), context('2025-11-21T09:00:00Z'));
      expect([second.added, second.changed, second.removed]).toEqual([0, 0, 0]);

      fake.duplicate = false;
      const october = { from: '2025-10-01', to: '2025-10-31' };
      await syncKundoluk(mirror, options(october), context('2025-11-22T09:00:00Z'));
      const finals = (db: Mirror) =>
        db.sqlite
          .prepare(
            `SELECT s.kundoluk_pin AS pin, j.code, f.value FROM period_final f JOIN student s ON s.id = f.student_id
             JOIN subject j ON j.id = f.subject_id JOIN reporting_period p ON p.id = f.period_id
             WHERE p.kind = 'quarter' AND p.number = 1 ORDER BY 1, 2`,
          )
          .all();
      expect(finals(mirror)).toHaveLength(
        count(demo, 'SELECT count(*) AS n FROM period_final WHERE period_id = 1'),
      );
      expect(finals(mirror)).toEqual(finals(demo));
    } finally {
      mirror.close();
    }
  });

  it('takes over a mirror filled from elsewhere without seeing its marks removed and added again', async () => {
    const mirror = openSmallSchool();
    try {
      const marks = count(mirror, 'SELECT count(*) AS n FROM mark');
      const result = await syncKundoluk(mirror, options(), context());
      expect([result.added, result.removed]).toEqual([0, 0]);
      expect(listChanges(mirror)).toEqual([]);
      expect(count(mirror, 'SELECT count(*) AS n FROM mark')).toBe(marks);
      expect(
        count(mirror, "SELECT count(*) AS n FROM lesson WHERE source_ref LIKE 'kundoluk:%'"),
      ).toBeGreaterThan(0);
    } finally {
      mirror.close();
    }
  });

  it('keeps corrected, removed and late marks as changes', async () => {
    const mirror = calendarOnly();
    try {
      await syncKundoluk(mirror, options(), context());
      const withMarks = fake.lessons.filter((l) => day(l) <= '2025-09-30' && recordsOf(l).some(isMark));
      const [a, b, c] = withMarks;
      if (!a || !b || !c) throw new Error('demo school has too few marked lessons');
      const corrected = recordsOf(a).find((m) => isMark(m) && m.mark !== 5);
      if (!corrected) throw new Error('no mark');
      const before = String(corrected.mark);
      corrected.old_mark = corrected.mark;
      corrected.mark = 5;
      corrected.updated_at = '2025-10-20T16:00:00';
      const holder = b.students.find((s) => s.marks.some(isMark));
      const removedIndex = holder?.marks.findIndex(isMark) ?? -1;
      const [removed] = holder?.marks.splice(removedIndex, 1) ?? [];
      const student = c.students.find((s) => s.marks.some(isMark));
      const template = student?.marks.find(isMark);
      if (!template || !removed || !student) throw new Error('no mark');
      student.marks.push({
        ...template,
        mark_id: 'M-late',
        uid: 'M-late',
        mark: 3,
        mark_type: 'general',
        old_mark: null,
        created_at: '2025-10-25T15:00:00',
        updated_at: '2025-10-25T15:00:00',
      });

      const result = await syncKundoluk(mirror, options(), context('2025-11-01T09:00:00Z'));
      expect([result.added, result.changed, result.removed]).toEqual([1, 1, 1]);
      const changes = listChanges(mirror).map((ch) => [ch.kind, ch.before, ch.after]);
      expect(changes).toEqual(
        expect.arrayContaining([
          ['mark_changed', before, '5'],
          ['mark_removed', String(removed.mark), null],
          ['mark_late', null, '3'],
          ['mark_backdated', null, '3'],
        ]),
      );
    } finally {
      mirror.close();
    }
  });

  it('records the run with who, when, counts and warnings, and keeps the fields it does not model', async () => {
    const mirror = calendarOnly();
    try {
      const september = fake.lessons.filter((l) => day(l) <= '2025-09-30');
      const mark = september.flatMap(recordsOf).find(isMark);
      const absence = september.flatMap(recordsOf).find((m) => m.absent && m.absent_type === 'absent');
      if (!mark || !absence) throw new Error('demo school lacks the rows this test changes');
      mark.mark_type = 'olympiad';
      mark.teacherComment = 'жакшы';
      absence.absent_reason = 'С';

      const rowsBefore = dataRows(mirror);
      const result = await syncKundoluk(mirror, options(), context('2025-10-02T07:30:00Z'));
      expect(result.warnings).toEqual(
        expect.arrayContaining([
          'Mark type "olympiad" is new to Мөөр; kept as general.',
          expect.stringMatching(new RegExp(`^Absence reason "С" \\(mark ${absence.mark_id}\\)`)),
        ]),
      );
      // One run per week, each in its own transaction; the sync record says how far it got.
      const runs = mirror.sqlite.prepare('SELECT * FROM sync_run ORDER BY id').all() as Record<
        string,
        unknown
      >[];
      expect(runs.map((r) => r.source_name)).toEqual(
        ['01 – 2025-09-07', '08 – 2025-09-14', '15 – 2025-09-21', '22 – 2025-09-28', '29 – 2025-09-30'].map(
          (w) => `${new URL(fake.url).host} 2025-09-${w}`,
        ),
      );
      expect(runs.at(-1)).toMatchObject({
        id: result.runId,
        source: 'kundoluk',
        actor: `deputy:${deputy.userId}:${deputy.name}`,
        started_at: '2025-10-02T07:30:00.000Z',
        finished_at: '2025-10-02T07:30:00.000Z',
        changed: 0,
        removed: 0,
      });
      expect(runs.reduce((sum, r) => sum + Number(r.added), 0)).toBe(result.added);
      expect(runs.flatMap((r) => JSON.parse(String(r.warnings_json)) as string[])).toEqual(result.warnings);
      expect(
        mirror.sqlite.prepare('SELECT weeks, weeks_done, done_through, last_run_id FROM kundoluk_sync').all(),
      ).toEqual([{ weeks: 5, weeks_done: 5, done_through: '2025-09-30', last_run_id: result.runId }]);
      // Everything the run added is counted, reference rows (students, teachers, classes) included.
      expect(result.added).toBe(dataRows(mirror) - rowsBefore);
      const stored = mirror.sqlite
        .prepare<[string], { mark_type: string; raw: string }>(
          'SELECT mark_type, raw FROM mark WHERE source_ref = ?',
        )
        .get(`kundoluk:mark:${mark.mark_id}`);
      expect(stored?.mark_type).toBe('general');
      expect(JSON.parse(stored?.raw ?? '{}')).toMatchObject({
        mark_type: 'olympiad',
        teacherComment: 'жакшы',
      });
      expect(
        mirror.sqlite
          .prepare('SELECT reason FROM attendance WHERE source_ref = ?')
          .get(`kundoluk:absence:${absence.mark_id}`),
      ).toEqual({ reason: 'Н' });
    } finally {
      mirror.close();
    }
  });

  it('a lesson moved to a day outside the synced dates: a clear way out, then taken in', async () => {
    const mirror = calendarOnly();
    try {
      await syncKundoluk(mirror, options(), context());
      const moved = fake.lessons.find((l) => day(l) === '2025-09-10' && recordsOf(l).some(isMark));
      if (!moved) throw new Error('demo school has no lesson on 2025-09-10');
      Object.assign(moved, { lessonDay: '2025-10-02T00:00:00', month: 10, day: 2 });
      const before = fingerprint(mirror);
      const october = { from: '2025-10-01', to: '2025-10-31' };
      const error = await rejection(syncKundoluk(mirror, options(october), context()));
      expect(error.code).toBe('KUNDOLUK_LESSON_MOVED');
      expect(error.message).toContain(
        `moved lesson ${moved.uid} from 2025-09-10 to 2025-10-02, outside 2025-10-01 – 2025-10-31. Sync 2025-09-10 – 2025-10-31`,
      );
      expect(fingerprint(mirror)).toBe(before);

      const both = { from: '2025-09-10', to: '2025-10-31' };
      const result = await syncKundoluk(mirror, options(both), context('2025-11-21T09:00:00Z'));
      expect(result.removed).toBe(0);
      const lesson = mirror.sqlite
        .prepare<[string], { date: string; marks: number }>(
          'SELECT l.date, (SELECT count(*) FROM mark m WHERE m.lesson_id = l.id) AS marks FROM lesson l WHERE source_ref = ?',
        )
        .get(`kundoluk:lesson:${moved.uid}`);
      expect(lesson).toEqual({
        date: '2025-10-02',
        marks: recordsOf(moved).filter(isMark).length,
      });
    } finally {
      mirror.close();
    }
  });

  it('retries a failing or slow service with backoff and then succeeds', async () => {
    const mirror = calendarOnly();
    try {
      fake.faults.push({ status: 500 }, { delayMs: 20_000 }, { malformed: true });
      const result = await syncKundoluk(mirror, options({ retries: 3, timeoutMs: 10_000 }), context());
      expect(result.added).toBeGreaterThan(0);
      // Two term answers (marks, absences) and five weeks, the three that failed asked again.
      expect(fake.requests.length).toBeGreaterThanOrEqual(2 + 5 + 3);
    } finally {
      mirror.close();
    }
  });

  it('cancels on request', async () => {
    const mirror = calendarOnly();
    try {
      const before = fingerprint(mirror);
      fake.faults.push({ delayMs: 1000 });
      const controller = new AbortController();
      const pending = syncKundoluk(mirror, options({ signal: controller.signal }), context());
      setTimeout(() => {
        controller.abort();
      }, 50);
      expect((await rejection(pending)).code).toBe('KUNDOLUK_CANCELLED');
      expect(fingerprint(mirror)).toBe(before);
    } finally {
      mirror.close();
    }
  });
});

describe('Kundoluk over a school connection', () => {
  it('renews a refused token once through the AIS sign-in, then asks to sign in again', async () => {
    const mirror = calendarOnly();
    try {
      fake.aisSessions.set('gb-ais-1', { token: 'renewed-token', refresh: 'r-1', isClassManager: true });
      const kept: string[] = [];
      const refresh = aisRefresher(
        { gbToken: 'gb-ais-1', aisToken: 'ais-1', aisRefresh: 'ais-r-1' },
        { baseUrl: fake.url },
        (token) => kept.push(token),
      );
      const result = await syncKundoluk(mirror, options({ token: 'stale-token', refresh }), context());
      expect(result.added).toBeGreaterThan(0);
      expect(kept).toEqual(['renewed-token']);
      expect(fake.requests.filter((r) => r.path.endsWith('storetokenmobile/'))).toHaveLength(1);
      expect(fake.requests.filter((r) => r.authorization === 'Bearer stale-token').length).toBeGreaterThan(0);

      // The AIS sign-in no longer valid either: one renewal tried, then the person signs in again.
      fake.tokens.delete('renewed-token');
      fake.aisSessions.delete('gb-ais-1');
      const again = calendarOnly();
      try {
        const error = await rejection(
          syncKundoluk(again, options({ token: 'stale-token', refresh }), context()),
        );
        expect(error.code).toBe('KUNDOLUK_TOKEN_EXPIRED');
        expect(error.message).toMatch(/refused the AIS sign-in \(HTTP 401\): sign in to Kundoluk again/);
        expect(error.message).not.toContain('renewed-token');
      } finally {
        again.close();
      }
    } finally {
      mirror.close();
    }
  });

  it('waits as long as Retry-After asks on 429, and refuses a wait longer than it accepts', async () => {
    const mirror = calendarOnly();
    try {
      // A token of this sync's own, so that a late request of an earlier test takes no fault here.
      const token = 'retry-after-token';
      fake.tokens.set(token, () => true);
      fake.faults.push({ status: 429, retryAfter: '1', onlyForToken: token });
      await syncKundoluk(mirror, options({ backoffMs: 1, token }), context());
      const own = fake.requests.filter((r) => r.authorization === `Bearer ${token}`);
      const first = own[0];
      const [refused, retried] = own.filter(
        (r) => r.path === first?.path && JSON.stringify(r.query) === JSON.stringify(first.query),
      );
      if (!refused || !retried) throw new Error('the refused request was not asked again');
      expect(retried.at - (refused.answeredAt ?? Infinity)).toBeGreaterThanOrEqual(1000);

      fake.faults.push(...Array.from({ length: 20 }, () => ({ status: 429, retryAfter: '3600' })));
      const error = await rejection(syncKundoluk(calendarOnly(), options(), context()));
      expect(error.code).toBe('KUNDOLUK_UNAVAILABLE');
      expect(error.message).toMatch(/HTTP 429/);
    } finally {
      mirror.close();
    }
  });

  it('resumes a sync cut off at a random week from that week, with what it wrote kept', async () => {
    const mirror = calendarOnly();
    const straight = calendarOnly();
    try {
      const weekStarts = ['2025-09-01', '2025-09-08', '2025-09-15', '2025-09-22', '2025-09-29'];
      const cut = 1 + Math.floor(Math.random() * 4);
      const cutWeek = weekStarts[cut] as string;
      fake.breaks = (r) => (r.query.start_date === cutWeek ? 503 : undefined);
      const error = await rejection(syncKundoluk(mirror, options({ retries: 1 }), context()));
      expect(error.code, `cut at week ${cut + 1}`).toBe('KUNDOLUK_UNAVAILABLE');
      expect(
        mirror.sqlite.prepare('SELECT weeks_done, done_through, finished_at FROM kundoluk_sync').get(),
      ).toEqual({
        weeks_done: cut,
        done_through: weekStarts[cut - 1]?.replace(/\d\d$/, (d) => String(Number(d) + 6).padStart(2, '0')),
        finished_at: null,
      });
      expect(count(mirror, 'SELECT count(*) AS n FROM lesson WHERE date >= ?', cutWeek)).toBe(0);

      fake.breaks = undefined;
      fake.requests.length = 0;
      const resumed = await syncKundoluk(mirror, options({ resume: true }), context());
      expect(resumed.weeksSkipped).toBe(cut);
      const asked = fake.requests
        .filter((r) => r.path.endsWith('gradebook/list'))
        .map((r) => r.query.start_date);
      expect(asked.sort()).toEqual(weekStarts.slice(cut));
      await syncKundoluk(straight, options(), context());
      const rows = (m: Mirror) =>
        m.sqlite.prepare('SELECT source_ref, value FROM mark ORDER BY source_ref').all();
      expect(rows(mirror)).toEqual(rows(straight));
      expect(count(mirror, 'SELECT count(*) AS n FROM kundoluk_sync WHERE finished_at IS NOT NULL')).toBe(1);
    } finally {
      mirror.close();
      straight.close();
    }
  });
});

describe('Kundoluk faults leave the mirror exactly as it was', () => {
  const cases: { name: string; setup: () => void; extra?: object; code: string; message: RegExp }[] = [
    {
      name: 'an expired token',
      setup: () => undefined,
      extra: { token: 'expired-token' },
      code: 'KUNDOLUK_TOKEN_EXPIRED',
      message: /HTTP 401.*expired/,
    },
    {
      name: 'a service that keeps failing',
      setup: () => fake.faults.push(...Array.from({ length: 20 }, () => ({ status: 503 }))),
      code: 'KUNDOLUK_UNAVAILABLE',
      message: /after 3 attempts \(HTTP 503\)/,
    },
    {
      name: 'answers that stay cut off',
      setup: () => fake.faults.push(...Array.from({ length: 20 }, () => ({ malformed: true as const }))),
      code: 'KUNDOLUK_UNAVAILABLE',
      message: /not complete JSON/,
    },
    {
      name: 'a service that is too slow',
      setup: () => fake.faults.push(...Array.from({ length: 20 }, () => ({ delayMs: 300 }))),
      extra: { timeoutMs: 100 },
      code: 'KUNDOLUK_UNAVAILABLE',
      message: /no answer within 0.1 s/,
    },
    {
      name: 'an error result',
      setup: () =>
        fake.faults.push(
          ...Array.from({ length: 20 }, () => ({ resultCode: 3, resultMessage: 'Мектеп табылган жок' })),
        ),
      code: 'KUNDOLUK_RESULT',
      message: /Мектеп табылган жок \(code 3\)/,
    },
    {
      name: 'a changed response shape',
      setup: () => fake.faults.push(...Array.from({ length: 20 }, () => ({ dropField: 'gradeId' }))),
      code: 'KUNDOLUK_SHAPE',
      message: /gradebook\/\S+ is not shaped as expected: field "actionResult\.0\.gradeId"/,
    },
  ];
  for (const c of cases) {
    it(`reports ${c.name}`, async () => {
      const mirror = calendarOnly();
      try {
        const before = fingerprint(mirror);
        c.setup();
        const error = await rejection(syncKundoluk(mirror, { ...options(), ...c.extra }, context()));
        expect(error.code).toBe(c.code);
        expect(error.message).toMatch(c.message);
        expect(error.message).not.toContain(TOKEN);
        expect(fingerprint(mirror)).toBe(before);
      } finally {
        mirror.close();
      }
    });
  }

  it('refuses lessons of a year the mirror has no calendar for', async () => {
    const mirror = emptyMirror(tempDir());
    try {
      const error = await rejection(syncKundoluk(mirror, options(), context()));
      expect(error.code).toBe('KUNDOLUK_CALENDAR');
      expect(count(mirror, 'SELECT count(*) AS n FROM sync_run')).toBe(0);
    } finally {
      mirror.close();
    }
  });
});
