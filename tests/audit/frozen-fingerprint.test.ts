import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain as verifyInWindow } from '../../src/core/app/jobs/audit-verify';
import { recordedFingerprints } from '../../src/core/audit/frozen-fingerprint';
import { verifyAuditChain } from '../../src/core/audit/verify-chain';
import { fixedClock } from '../../src/core/clock';
import { emptyBatch, type Row } from '../../src/core/mirror/batch';
import { runSync } from '../../src/core/mirror/run-sync';
import type { TinySchool } from '../checks/tiny-school';
import { deputy } from '../support/actors';
import { frozenTinySchool } from './frozen-close';

let school: TinySchool;

beforeEach(() => {
  school = frozenTinySchool();
});
afterEach(() => {
  school.close();
});

function sql(text: string, ...params: unknown[]): void {
  school.mirror.sqlite.prepare(text).run(...params);
}

function messages(): string[] {
  return verifyAuditChain(school.mirror).problems.map((p) => p.message);
}

function firstQuarterLessons(): Row[] {
  return school.mirror.sqlite
    .prepare<[number], Row>(
      "SELECT * FROM lesson WHERE class_id = ? AND date BETWEEN '2025-09-01' AND '2025-10-31'",
    )
    .all(school.class5);
}

describe('the fingerprint of a frozen period', () => {
  it('is in the chain for every class the close froze, and verifies', () => {
    const recorded = [...recordedFingerprints(school.mirror).values()];
    expect(recorded.map((r) => r.classId).sort()).toEqual([school.class5, school.class10].sort());
    expect(verifyAuditChain(school.mirror).ok).toBe(true);
  });

  it('names the period whose mark was changed in the file', () => {
    school.mirror.sqlite
      .prepare(
        "UPDATE mark SET value = CASE value WHEN '5' THEN '4' ELSE '5' END WHERE id = (SELECT m.id FROM mark m JOIN lesson l ON l.id = m.lesson_id WHERE l.class_id = ? LIMIT 1)",
      )
      .run(school.class5);
    expect(messages()).toEqual([
      expect.stringMatching(
        /marks, absences or finals of the certified period class 5А, 2025-2026 quarter 1/,
      ),
    ]);
  });

  it('names the period whose final was changed in the file', () => {
    school.mirror.sqlite
      .prepare(
        "UPDATE period_final SET value = CASE value WHEN '5' THEN '3' ELSE '5' END WHERE id = (SELECT id FROM period_final WHERE class_id = ? LIMIT 1)",
      )
      .run(school.class5);
    expect(messages()).toEqual([expect.stringMatching(/certified period class 5А, 2025-2026 quarter 1/)]);
  });

  it('names the period whose absence was deleted in the file', () => {
    school.mirror.sqlite.prepare('DELETE FROM attendance').run();
    expect(messages()).toEqual([expect.stringMatching(/certified period class 5А/)]);
  });

  it('shows in the window’s verification too, named as the school prints it', () => {
    sql(
      "UPDATE period_final SET value = CASE value WHEN '5' THEN '3' ELSE '5' END WHERE class_id = ?",
      school.class5,
    );
    const scope = {
      mirror: school.mirror,
      actor: deputy,
      params: null,
      progress: () => undefined,
      cancelled: () => false,
      secret: () => null,
      keepSecret: () => undefined,
    };
    expect(verifyInWindow(scope)).toEqual({
      entries: expect.any(Number) as number,
      brokenAt: null,
      frozenChanged: [{ className: '5А класс', period: '2025-2026, 1-чейрек' }],
    });
  });

  it('tells a period unfrozen in the file, so that its later changes would pass', () => {
    school.mirror.sqlite.prepare('DELETE FROM frozen_scope WHERE class_id = ?').run(school.class5);
    expect(messages()).toEqual([
      expect.stringMatching(/class 5А, 2025-2026 quarter 1 .* no longer marked frozen/),
    ]);
  });

  it('is recorded anew by a sync that changes the period, which the changes view shows', () => {
    const lessons = firstQuarterLessons();
    const marks = school.mirror.sqlite
      .prepare<[], Row>(
        `SELECT * FROM mark WHERE lesson_id IN (${lessons.map((l) => l.id).join(',')}) ORDER BY id`,
      )
      .all();
    const first = marks[0];
    if (!first) throw new Error('no marks');
    marks[0] = { ...first, value: '2', numeric_value: 2, changed_at: '2025-11-12T06:00:00.000Z' };
    const before = recordedFingerprints(school.mirror).get(`${school.class5}:${school.periodId}`);
    runSync(
      school.mirror,
      {
        source: 'bundle',
        name: 'after-close.json',
        build: () => ({
          ...emptyBatch({
            lessons: [{ classId: school.class5, from: '2025-09-01', to: '2025-10-31' }],
            finals: [],
          }),
          lessons,
          marks,
          judgeFirstSight: false,
        }),
      },
      { actor: deputy, clock: fixedClock('2025-11-12T07:00:00Z') },
    );
    const after = recordedFingerprints(school.mirror).get(`${school.class5}:${school.periodId}`);
    expect(after?.sha256).not.toBe(before?.sha256);
    expect(verifyAuditChain(school.mirror).ok).toBe(true);
  });
});
