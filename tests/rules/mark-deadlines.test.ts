import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { putSetting } from '../../src/core/settings/app-settings';
import { runChecks } from '../../src/core/checks/run-checks';
import { fixedClock } from '../../src/core/clock';
import type { MarkType } from '../../src/shared/mark-types';
import type { Row, SyncBatch } from '../../src/core/mirror/batch';
import { emptyBatch } from '../../src/core/mirror/batch';
import { runSync } from '../../src/core/mirror/run-sync';
import { lessonFacts } from '../../src/core/reports/lesson-facts';
import { reportContext } from '../../src/core/reports/context';
import { markIsLate } from '../../src/core/reports/lesson-scope';
import { defaultMarkDeadlines } from '../../src/core/settings/journal-rule-defaults';
import { type MarkDeadlines } from '../../src/shared/journal-rules';
import { isMarkLate, markDeadlineAt, schoolMarkDeadlines } from '../../src/core/rules/mark-deadlines';
import { createTinySchool, type TinySchool } from '../checks/tiny-school';
import { deputy } from '../support/actors';

const LESSON_DATE = '2025-10-01';

/** Marks around every boundary: oral (24 h) and written (5 days) works, whole and part seconds. */
const marks: { type: MarkType; enteredAt: string }[] = [
  { type: 'general', enteredAt: '2025-10-01T05:00:00.000Z' },
  { type: 'general', enteredAt: '2025-10-01T18:30:00.000Z' },
  { type: 'general', enteredAt: '2025-10-02T17:59:59.000Z' },
  { type: 'general', enteredAt: '2025-10-02T18:00:00.000Z' },
  { type: 'general', enteredAt: '2025-10-02T18:00:00.400Z' },
  { type: 'general', enteredAt: '2025-10-02T18:00:01.000Z' },
  { type: 'homework', enteredAt: '2025-10-02T23:59:59+06:00' },
  { type: 'homework', enteredAt: '2025-10-03T00:00:01+06:00' },
  { type: 'control', enteredAt: '2025-10-05T09:00:00.000Z' },
  { type: 'test', enteredAt: '2025-10-06T18:00:00.000Z' },
  { type: 'test', enteredAt: '2025-10-06T18:00:01.000Z' },
  { type: 'exam', enteredAt: '2025-10-07T03:00:00.000Z' },
];

let school: TinySchool;
let lessonId: number;

/** The marks' rows as the sync will carry them in; the mirror starts without them. */
function markRows(): Row[] {
  const [studentId] = school.students as [number];
  const ids = marks.map((m) =>
    school.mark({ lessonId, studentId, value: 4, type: m.type, enteredAt: m.enteredAt }),
  );
  const rows = school.mirror.sqlite.prepare('SELECT * FROM mark ORDER BY id').all() as Row[];
  school.mirror.sqlite.prepare('DELETE FROM mark').run();
  expect(rows.map((r) => r.id)).toEqual(ids);
  return rows;
}

/** The mirror's verdict: the marks its sync noted as late when it first saw them. */
function lateBySync(rows: Row[]): number[] {
  const lesson = school.mirror.sqlite.prepare('SELECT * FROM lesson WHERE id = ?').get(lessonId) as Row;
  const batch: SyncBatch = {
    ...emptyBatch({
      lessons: [{ classId: school.class5, subjectId: school.math, from: LESSON_DATE, to: LESSON_DATE }],
      finals: [],
    }),
    lessons: [lesson],
    marks: rows,
  };
  runSync(
    school.mirror,
    { source: 'kundoluk', name: 'test', build: () => batch },
    { actor: deputy, clock: fixedClock('2025-10-02T06:00:00Z') },
  );
  return school.mirror.sqlite
    .prepare<[], { id: number }>(
      "SELECT entity_id AS id FROM mirror_change WHERE kind = 'mark_late' ORDER BY entity_id",
    )
    .all()
    .map((r) => r.id);
}

/** The day-1 checks' verdict. */
function lateByChecks(): number[] {
  const period = school.mirror.sqlite
    .prepare<[number], { id: number; kind: 'quarter'; number: number; startsOn: string; endsOn: string }>(
      'SELECT id, kind, number, starts_on AS startsOn, ends_on AS endsOn FROM reporting_period WHERE id = ?',
    )
    .get(school.periodId);
  if (!period) throw new Error('no period');
  const report = runChecks(school.mirror, { period, classIds: [school.class5] });
  return report.items
    .flatMap((item) => item.findings)
    .filter((f) => f.rule === 'late_mark')
    .map((f) => f.markId ?? 0)
    .sort((a, b) => a - b);
}

/** The reports' verdict: their SQL condition mark by mark, and the count journal keeping shows. */
function lateByReports(): { ids: number[]; counted: number } {
  const context = reportContext(school.mirror, { period: '1' }, fixedClock('2025-11-20T09:00:00Z'));
  const ids = school.mirror
    .all(
      school.mirror.db
        .selectFrom('mark')
        .innerJoin('lesson', 'lesson.id', 'mark.lesson_id')
        .where(sql<boolean>`${markIsLate(context.markDeadlines)}`)
        .select('mark.id')
        .orderBy('mark.id'),
    )
    .map((r) => r.id);
  const counted = lessonFacts(context).reduce((sum, fact) => sum + fact.lateMarks, 0);
  return { ids, counted };
}

function lateByPredicate(rows: Row[], deadlines: MarkDeadlines): number[] {
  return rows
    .filter((r) => isMarkLate(deadlines, LESSON_DATE, String(r.mark_type), String(r.entered_at)))
    .map((r) => r.id as number);
}

function verdicts() {
  const rows = markRows();
  const predicate = lateByPredicate(rows, schoolMarkDeadlines(school.mirror));
  const sync = lateBySync(rows);
  return { rows, predicate, sync, checks: lateByChecks(), reports: lateByReports() };
}

beforeEach(() => {
  school = createTinySchool();
  lessonId = school.lesson({ date: LESSON_DATE });
});

afterEach(() => {
  school.close();
});

describe('one rule for mark deadlines', () => {
  it('the sync, the day-1 checks and the reports flag the same marks under the regulations', () => {
    const { rows, predicate, sync, checks, reports } = verdicts();
    const idOf = (index: number) => rows[index]?.id as number;
    // Oral: late from 18:00:01 UTC on the day after (00:00:01 in Bishkek two days on), counted in
    // whole seconds; written: five days after the lesson day's end.
    const expected = [5, 7, 10, 11].map(idOf);
    expect(predicate).toEqual(expected);
    expect(sync).toEqual(expected);
    expect(checks).toEqual(expected);
    expect(reports).toEqual({ ids: expected, counted: expected.length });
  });

  it('they still agree when the school changes the deadlines in its settings', () => {
    putSetting(
      school.mirror,
      'markDeadlines',
      { hoursByMarkType: { ...defaultMarkDeadlines.hoursByMarkType, general: 0, test: 30, exam: 24 } },
      new Date('2025-09-01T00:00:00Z'),
    );
    const { rows, predicate, sync, checks, reports } = verdicts();
    const idOf = (index: number) => rows[index]?.id as number;
    const expected = [1, 2, 3, 4, 5, 7, 9, 10, 11].map(idOf);
    expect(predicate).toEqual(expected);
    expect(sync).toEqual(expected);
    expect(checks).toEqual(expected);
    expect(reports).toEqual({ ids: expected, counted: expected.length });
  });

  it('names the deadline instant: the end of the lesson day in Bishkek plus the allowed hours', () => {
    expect(markDeadlineAt(defaultMarkDeadlines, LESSON_DATE, 'general')).toBe('2025-10-02T18:00:00.000Z');
    expect(markDeadlineAt(defaultMarkDeadlines, LESSON_DATE, 'exam')).toBe('2025-10-06T18:00:00.000Z');
  });
});
