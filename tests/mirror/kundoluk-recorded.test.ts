import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mirror } from '../../src/core/db/mirror';
import { MoorError } from '../../src/core/errors';
import { recordAnswers, recordingName, replayFetch } from '../../src/core/mirror/kundoluk/recording';
import { instantOf } from '../../src/core/mirror/kundoluk/values';
import { syncKundoluk } from '../../src/core/mirror/sync-kundoluk';
import { tableIo } from '../../src/core/mirror/table-io';
import { openSmallSchool } from '../support/schools';
import { tempDir } from '../support/temp-dir';
import { context, emptyMirror, fingerprint } from './helpers';

/** Answers recorded in the shapes public clients show (docs/kundoluk.md), replayed. */
const RECORDED = path.join(import.meta.dirname, 'fixtures', 'kundoluk-week');
const BASE = 'http://replay.invalid/api/';
const week = { from: '2025-09-15', to: '2025-09-21' };
const LIST = recordingName('/api/teacher/gradebook/list', { start_date: week.from, end_date: week.to });
const MARKS = recordingName('/api/teacher/gradebook/term/1', { absent: '0', with_marks: '1' });

let calendar: Mirror;
beforeAll(() => {
  calendar = openSmallSchool();
});
afterAll(() => {
  calendar.close();
});

/** A mirror holding only the school and its calendar, as after the school's setup. */
function calendarOnly(): Mirror {
  const mirror = emptyMirror(tempDir());
  mirror.transaction(() => {
    for (const table of ['school', 'academic_year', 'reporting_period', 'holiday'] as const) {
      const io = tableIo(mirror, table);
      const rows = calendar.sqlite.prepare(`SELECT * FROM ${table}`).all() as Record<
        string,
        string | number | null
      >[];
      for (const row of rows) io.insert(row);
    }
  });
  return mirror;
}

/** A copy of the recordings with one answer changed. */
function recordingsWith(file: string, change: (body: { actionResult: unknown }) => void): string {
  const dir = tempDir();
  fs.cpSync(RECORDED, dir, { recursive: true });
  const recording = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as {
    body: { actionResult: unknown };
  };
  change(recording.body);
  fs.writeFileSync(path.join(dir, file), JSON.stringify(recording));
  return dir;
}

function replay(mirror: Mirror, folder = RECORDED, clock = '2025-11-20T09:00:00Z') {
  return syncKundoluk(
    mirror,
    { baseUrl: BASE, token: 'replay', fetch: replayFetch(folder), ...week },
    context(clock),
  );
}

const all = (mirror: Mirror, sql: string) => mirror.sqlite.prepare(sql).all();

describe('Kundoluk as public clients show it, from recorded answers', () => {
  it('reads lessons, marks, absences and a quarter final from the list and the term answers', async () => {
    const mirror = calendarOnly();
    try {
      const result = await replay(mirror);
      // The club (isKrujok) stays out; a lesson without its teacher is kept and named.
      expect(
        all(mirror, 'SELECT source_ref, date, lesson_number, topic, homework FROM lesson ORDER BY 1'),
      ).toEqual([
        {
          source_ref: 'kundoluk:lesson:a1',
          date: '2025-09-15',
          lesson_number: 1,
          topic: 'Бөлчөктөр',
          homework: '§3, 1–5',
        },
        {
          source_ref: 'kundoluk:lesson:a2',
          date: '2025-09-15',
          lesson_number: 2,
          topic: null,
          homework: null,
        },
        {
          source_ref: 'kundoluk:lesson:a4',
          date: '2025-09-16',
          lesson_number: 3,
          topic: null,
          homework: null,
        },
      ]);
      expect(result.warnings).toEqual(
        expect.arrayContaining([
          '1 club lessons (isKrujok) are not journal subjects; they were left out.',
          'Kundoluk sent lesson a2 of 2025-09-15 without its teacher; it was kept as "not named".',
        ]),
      );
      expect(all(mirror, 'SELECT code FROM subject ORDER BY 1')).toEqual([
        { code: 'sub-en' },
        { code: 'sub-ky' },
        { code: 'sub-math' },
      ]);
      // One class (the letter read the same in either case); the English group from `group` 1.
      expect(all(mirror, 'SELECT grade, letter, kundoluk_id FROM class')).toEqual([
        { grade: 7, letter: 'А', kundoluk_id: 'g-7a' },
      ]);
      expect(all(mirror, 'SELECT name FROM subgroup')).toEqual([{ name: '1-топ' }]);
      expect(all(mirror, 'SELECT kundoluk_pin, last_name FROM staff ORDER BY 1')).toEqual([
        { kundoluk_pin: '21507198863278', last_name: 'Осмонов' },
        { kundoluk_pin: '22003199012345', last_name: 'Асанова' },
        { kundoluk_pin: 'kundoluk:unnamed-teacher', last_name: '—' },
      ]);
      // Integer and string marks and pins; a time without offset is Bishkek time (00:30 is 18:30 UTC the day before).
      expect(
        all(
          mirror,
          `SELECT m.source_ref, s.kundoluk_pin, m.value, m.mark_type, m.previous_value, m.entered_at FROM mark m
           JOIN student s ON s.id = m.student_id ORDER BY 1`,
        ),
      ).toEqual([
        {
          source_ref: 'kundoluk:mark:m1',
          kundoluk_pin: '12003201150470',
          value: '5',
          mark_type: 'general',
          previous_value: null,
          entered_at: '2025-09-15T18:30:00.000Z',
        },
        {
          source_ref: 'kundoluk:mark:m2',
          kundoluk_pin: '12003201150471',
          value: '4',
          mark_type: 'control',
          previous_value: null,
          entered_at: '2025-09-15T08:05:00.000Z',
        },
        {
          source_ref: 'kundoluk:mark:m3',
          kundoluk_pin: '12003201150470',
          value: '3',
          mark_type: 'homework',
          previous_value: '2',
          entered_at: '2025-09-15T08:00:00.000Z',
        },
      ]);
      // An absence given as mark 0 with its type; a late arrival by its minutes.
      expect(all(mirror, 'SELECT source_ref, kind, reason, late_minutes FROM attendance ORDER BY 1')).toEqual(
        [
          { source_ref: 'kundoluk:absence:n1', kind: 'absent', reason: 'Б', late_minutes: null },
          { source_ref: 'kundoluk:absence:n2', kind: 'late', reason: null, late_minutes: 10 },
        ],
      );
      // Mark type `quarter` is the period final of the quarter the lesson lies in.
      expect(
        all(
          mirror,
          `SELECT f.value, p.kind, p.number FROM period_final f JOIN reporting_period p ON p.id = f.period_id`,
        ),
      ).toEqual([{ value: '5', kind: 'quarter', number: 1 }]);
    } finally {
      mirror.close();
    }
  });

  it('never removes a mark when a lesson list arrives without marks', async () => {
    const mirror = calendarOnly();
    try {
      await replay(mirror);
      const marks = all(mirror, 'SELECT id, value FROM mark ORDER BY id');
      const absences = all(mirror, 'SELECT id FROM attendance ORDER BY id');
      // The term answers say nothing (null), as for a week nobody marked: the list alone.
      const silent = recordingsWith(MARKS, (body) => {
        body.actionResult = null;
      });
      fs.writeFileSync(
        path.join(silent, recordingName('/api/teacher/gradebook/term/1', { absent: '1', with_marks: '1' })),
        JSON.stringify({ status: 200, body: { resultCode: 0, actionResult: null } }),
      );
      const result = await replay(mirror, silent, '2025-11-21T09:00:00Z');
      expect(result.removed).toBe(0);
      expect(all(mirror, 'SELECT id, value FROM mark ORDER BY id')).toEqual(marks);
      expect(all(mirror, 'SELECT id FROM attendance ORDER BY id')).toEqual(absences);

      // A past school year: the term answers are not asked for, and again nothing is lost.
      const later = await replay(mirror, RECORDED, '2026-09-20T09:00:00Z');
      expect(later.removed).toBe(0);
      expect(later.warnings.join(' ')).toMatch(/only for the current school year/);
      expect(all(mirror, 'SELECT id, value FROM mark ORDER BY id')).toEqual(marks);

      // The lesson gone from the schedule too (another of its group came instead): its marks were
      // not reported removed, so it stays with them.
      const dropped = recordingsWith(LIST, (body) => {
        const lessons = body.actionResult as { uid: string; lessonDay: string; day: number }[];
        const a4 = lessons.find((l) => l.uid === 'a4');
        if (a4) Object.assign(a4, { uid: 'a5', lessonDay: '2025-09-17T00:00:00', day: 17 });
      });
      fs.writeFileSync(path.join(dropped, MARKS), fs.readFileSync(path.join(silent, MARKS)));
      const gone = await replay(mirror, dropped, '2025-11-22T09:00:00Z');
      expect(gone.removed).toBe(0);
      expect(gone.warnings.join(' ')).toMatch(/no longer sent by the source.*kept/);
      expect(all(mirror, 'SELECT id, value FROM mark ORDER BY id')).toEqual(marks);
    } finally {
      mirror.close();
    }
  });

  it('removes a mark only where the term answer listed that student on that lesson without it', async () => {
    const mirror = calendarOnly();
    try {
      await replay(mirror);
      const removed = recordingsWith(MARKS, (body) => {
        const [a1] = body.actionResult as { students: { marks: unknown[] }[] }[];
        const first = a1?.students[0];
        if (first) first.marks = [];
      });
      const result = await replay(mirror, removed, '2025-11-21T09:00:00Z');
      expect(result.removed).toBe(1);
      expect(all(mirror, 'SELECT source_ref FROM mark ORDER BY 1')).toEqual([
        { source_ref: 'kundoluk:mark:m2' },
        { source_ref: 'kundoluk:mark:m3' },
      ]);
    } finally {
      mirror.close();
    }
  });

  it('refuses an answer of an unknown shape naming the endpoint and the field, writing nothing', async () => {
    const mirror = calendarOnly();
    try {
      const before = fingerprint(mirror);
      const broken = recordingsWith(MARKS, (body) => {
        const [a1] = body.actionResult as { students: { marks: Record<string, unknown>[] }[] }[];
        const mark = a1?.students[0]?.marks[0];
        if (mark) mark.mark = 'пять';
      });
      const error = await replay(mirror, broken).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(MoorError);
      expect((error as MoorError).code).toBe('KUNDOLUK_SHAPE');
      expect((error as MoorError).message).toContain(
        'answer to /api/teacher/gradebook/term/1 is not shaped as expected: field "actionResult.0.students.0.marks.0.mark"',
      );
      expect(fingerprint(mirror)).toBe(before);
    } finally {
      mirror.close();
    }
  });

  it('records answers with tokens masked and personal numbers replaced, and replays the recording', async () => {
    const mirror = calendarOnly();
    const folder = tempDir();
    try {
      await syncKundoluk(
        mirror,
        {
          baseUrl: BASE,
          token: 'replay',
          fetch: replayFetch(RECORDED),
          onAnswer: recordAnswers(folder),
          ...week,
        },
        context(),
      );
      const written = fs
        .readdirSync(folder)
        .map((f) => fs.readFileSync(path.join(folder, f), 'utf8'))
        .join('\n');
      expect(written).toContain('Бөлчөктөр');
      for (const pin of ['12003201150470', '12003201150471', '21507198863278'])
        expect(written).not.toContain(pin);
      const again = calendarOnly();
      try {
        await replay(again, folder);
        expect(all(again, 'SELECT count(*) AS n FROM mark')).toEqual([{ n: 3 }]);
        expect(all(again, 'SELECT count(DISTINCT student_id) AS n FROM mark')).toEqual([{ n: 2 }]);
      } finally {
        again.close();
      }
    } finally {
      mirror.close();
    }
  });
});

describe('Kundoluk times', () => {
  it('reads a time without an offset as Bishkek time, near midnight too', () => {
    expect(instantOf('2025-09-16T00:30:00')).toBe('2025-09-15T18:30:00.000Z');
    expect(instantOf('2025-09-16T05:59:59')).toBe('2025-09-15T23:59:59.000Z');
    expect(instantOf('2025-09-16T06:00:00')).toBe('2025-09-16T00:00:00.000Z');
    expect(instantOf('2025-09-16T00:30:00Z')).toBe('2025-09-16T00:30:00.000Z');
    expect(instantOf('2025-09-16T00:30:00+05:00')).toBe('2025-09-15T19:30:00.000Z');
  });
});
