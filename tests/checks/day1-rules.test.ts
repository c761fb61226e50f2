import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { putSetting } from '../../src/core/settings/app-settings';
import { checkRulesWith } from '../../src/core/checks/check-rules';
import type { CheckScope } from '../../src/core/checks/check-scope';
import type { CheckRuleId, Finding } from '../../src/core/checks/finding';
import { runChecks, type CheckReport } from '../../src/core/checks/run-checks';
import { defaultMarkDeadlines } from '../../src/core/settings/journal-rule-defaults';
import { type MarkDeadlines } from '../../src/shared/journal-rules';
import { createTinySchool, fillCleanQuarter, type TinySchool } from './tiny-school';

let school: TinySchool;
let mathLessons: number[] = [];

function scope(periodId = school.periodId): CheckScope {
  const period = school.mirror.sqlite
    .prepare<[number], { id: number; kind: 'quarter'; number: number; startsOn: string; endsOn: string }>(
      'SELECT id, kind, number, starts_on AS startsOn, ends_on AS endsOn FROM reporting_period WHERE id = ?',
    )
    .get(periodId);
  if (!period) throw new Error('no period');
  return { period, classIds: [school.class5, school.class10] };
}

/** Changes the school's mark deadlines, as the settings screen does. */
function setMarkDeadlineHours(hours: Partial<MarkDeadlines['hoursByMarkType']>): void {
  putSetting(
    school.mirror,
    'markDeadlines',
    { hoursByMarkType: { ...defaultMarkDeadlines.hoursByMarkType, ...hours } },
    new Date('2025-11-01T00:00:00Z'),
  );
}

function found(report: CheckReport, rule: CheckRuleId): Finding[] {
  return report.items.flatMap((item) => item.findings.filter((f) => f.rule === rule));
}

function itemOf(report: CheckReport, teacherId: number, classId: number, subjectId: number) {
  const item = report.items.find(
    (i) => i.teacherId === teacherId && i.classId === classId && i.subjectId === subjectId,
  );
  if (!item) throw new Error('no item');
  return item;
}

beforeEach(() => {
  school = createTinySchool();
  mathLessons = fillCleanQuarter(school);
});
afterEach(() => {
  school.close();
});

describe('day-1 checks', () => {
  it('find nothing in a clean quarter, and list one item per teacher × class × subject', () => {
    const report = runChecks(school.mirror, scope());
    expect(Object.values(report.totals).every((n) => n === 0)).toBe(true);
    expect(report.items.map((i) => [i.teacherId, i.classId, i.subjectId])).toEqual([
      [school.teacher.t1, school.class5, school.math],
      [school.teacher.t2, school.class5, school.english],
      [school.teacher.t3, school.class5, school.english],
      [school.teacher.t1, school.class10, school.math],
    ]);
    expect(report.unattributed).toEqual([]);
  });

  it('missing final: names the student, and goes only to the teacher of their subgroup', () => {
    const [a, , c] = school.students as [number, number, number];
    school.mirror.sqlite
      .prepare('DELETE FROM period_final WHERE student_id = ? AND subject_id = ?')
      .run(c, school.math);
    school.mirror.sqlite
      .prepare('DELETE FROM period_final WHERE student_id = ? AND subject_id = ?')
      .run(a, school.english);
    const report = runChecks(school.mirror, scope());
    expect(report.totals.missing_final).toBe(2);
    expect(itemOf(report, school.teacher.t1, school.class5, school.math).findings).toEqual([
      expect.objectContaining({ rule: 'missing_final', studentId: c }),
    ]);
    expect(itemOf(report, school.teacher.t2, school.class5, school.english).findings).toEqual([
      expect.objectContaining({ rule: 'missing_final', studentId: a }),
    ]);
    expect(itemOf(report, school.teacher.t3, school.class5, school.english).findings).toEqual([]);
  });

  it('missing final: grades marked by half-year give no quarter finals, and owe half-year ones', () => {
    expect(found(runChecks(school.mirror, scope()), 'missing_final')).toEqual([]);
    const halfYear = runChecks(school.mirror, scope(school.halfYearId));
    const missing = found(halfYear, 'missing_final');
    expect(missing.map((f) => f.classId)).toEqual([school.class10]);
  });

  it('few marks: a student with one current mark, and one with none', () => {
    const [, b, c] = school.students as [number, number, number];
    school.mirror.sqlite
      .prepare(`DELETE FROM mark WHERE student_id = ? AND lesson_id IN (?, ?)`)
      .run(b, mathLessons[0], mathLessons[1]);
    school.mirror.sqlite
      .prepare(`DELETE FROM mark WHERE student_id = ? AND lesson_id IN (${mathLessons.join(',')})`)
      .run(c);
    const report = runChecks(school.mirror, scope());
    expect(found(report, 'few_marks').map((f) => [f.studentId, f.value])).toEqual([
      [b, '1'],
      [c, '0'],
    ]);
    expect(report.totals.few_marks).toBe(2);
  });

  it('final far from the average: more than the allowed distance from the rounded average', () => {
    const [a, b] = school.students as [number, number];
    school.mirror.sqlite
      .prepare(
        `UPDATE period_final SET value = '2', numeric_value = 2 WHERE student_id = ? AND subject_id = ?`,
      )
      .run(a, school.math);
    school.mirror.sqlite
      .prepare(
        `UPDATE period_final SET value = '5', numeric_value = 5 WHERE student_id = ? AND subject_id = ?`,
      )
      .run(b, school.math);
    const report = runChecks(school.mirror, scope());
    expect(found(report, 'final_far_from_average')).toEqual([
      expect.objectContaining({ studentId: a, value: '2', reference: '4 (4.00)' }),
    ]);
    const strict = runChecks(school.mirror, scope(), checkRulesWith({ finalMaxDistance: 0 }));
    expect(found(strict, 'final_far_from_average').map((f) => f.studentId)).toEqual([a, b]);
  });

  it('final far from the average: a half rounds up (3.5 → 4), non-numeric finals are left alone', () => {
    const [a, b] = school.students as [number, number];
    school.mirror.sqlite
      .prepare(`UPDATE mark SET value = '3', numeric_value = 3 WHERE student_id = ? AND lesson_id = ?`)
      .run(a, mathLessons[0]);
    school.mirror.sqlite
      .prepare(`DELETE FROM mark WHERE student_id = ? AND lesson_id = ?`)
      .run(a, mathLessons[2]);
    // a: marks 3 and 4, average 3.5, rounded 4: a final of 4 is fine, 2 is two away.
    school.mirror.sqlite
      .prepare(
        `UPDATE period_final SET value = '2', numeric_value = 2 WHERE student_id = ? AND subject_id = ?`,
      )
      .run(a, school.math);
    school.mirror.sqlite
      .prepare(
        `UPDATE period_final SET value = 'осв', numeric_value = NULL WHERE student_id = ? AND subject_id = ?`,
      )
      .run(b, school.math);
    const report = runChecks(school.mirror, scope());
    expect(found(report, 'final_far_from_average')).toEqual([
      expect.objectContaining({ studentId: a, reference: '4 (3.50)' }),
    ]);
  });

  it('late marks: oral within 24 h of the end of the lesson day, written within 5 days (school time UTC+6)', () => {
    const [a] = school.students as [number];
    const lessonId = school.lesson({ date: '2025-10-01' });
    // The day of 1 October ends at 2025-10-01T18:00Z (24:00 in Bishkek).
    const onTime = school.mark({ lessonId, studentId: a, value: 5, enteredAt: '2025-10-02T17:59:00.000Z' });
    const late = school.mark({ lessonId, studentId: a, value: 5, enteredAt: '2025-10-02T18:01:00.000Z' });
    const writtenOnTime = school.mark({
      lessonId,
      studentId: a,
      value: 4,
      type: 'control',
      enteredAt: '2025-10-06T17:00:00.000Z',
    });
    const writtenLate = school.mark({
      lessonId,
      studentId: a,
      value: 4,
      type: 'test',
      enteredAt: '2025-10-06T19:00:00.000Z',
    });
    const report = runChecks(school.mirror, scope());
    const lateIds = found(report, 'late_mark').map((f) => f.markId);
    expect(lateIds).toEqual([late, writtenLate]);
    expect(lateIds).not.toContain(onTime);
    expect(lateIds).not.toContain(writtenOnTime);
    expect(found(report, 'late_mark')[0]).toMatchObject({
      lessonDate: '2025-10-01',
      reference: '2025-10-02T18:01:00.000Z > 2025-10-02T18:00:00.000Z',
    });
    setMarkDeadlineHours({ general: 48 });
    expect(found(runChecks(school.mirror, scope()), 'late_mark').map((f) => f.markId)).toEqual([writtenLate]);
  });

  it('late marks: a deadline shorter than a day also catches a mark entered late on the lesson day', () => {
    const [a] = school.students as [number];
    const lessonId = school.lesson({ date: '2025-10-01' });
    // 18:30 UTC on 1 October is 00:30 on 2 October in Bishkek: past a deadline of the day's end.
    const evening = school.mark({ lessonId, studentId: a, value: 5, enteredAt: '2025-10-01T18:30:00.000Z' });
    expect(found(runChecks(school.mirror, scope()), 'late_mark')).toEqual([]);
    setMarkDeadlineHours({ general: 0 });
    expect(found(runChecks(school.mirror, scope()), 'late_mark').map((f) => f.markId)).toEqual([evening]);
  });

  it('corrected and removed marks', () => {
    const [a] = school.students as [number];
    const lessonId = school.lesson({ date: '2025-10-03' });
    const corrected = school.mark({ lessonId, studentId: a, value: 4, previous: '2' });
    school.mirror.sqlite
      .prepare(
        `INSERT INTO mirror_change (seen_at, kind, entity, entity_id, class_id, subject_id, student_id, lesson_date, before_value)
         VALUES ('2025-10-25T10:00:00.000Z', 'mark_removed', 'mark', 9999, ?, ?, ?, '2025-10-03', '3')`,
      )
      .run(school.class5, school.math, a);
    const report = runChecks(school.mirror, scope());
    expect(found(report, 'corrected_mark')).toEqual([
      expect.objectContaining({ markId: corrected, studentId: a, value: '2→4' }),
    ]);
    expect(itemOf(report, school.teacher.t1, school.class5, school.math).findings).toContainEqual(
      expect.objectContaining({ rule: 'removed_mark', markId: 9999, value: '3', studentId: a }),
    );
  });

  it('lessons without topic or homework, attributed to the subgroup teacher', () => {
    const noTopic = school.lesson({ date: '2025-10-07', topic: null });
    const noHomework = school.lesson({
      date: '2025-10-08',
      homework: '  ',
      subjectId: school.english,
      subgroupId: school.subgroup2,
      teacherId: school.teacher.t3,
    });
    const report = runChecks(school.mirror, scope());
    expect(found(report, 'lesson_without_topic').map((f) => f.lessonId)).toEqual([noTopic]);
    expect(itemOf(report, school.teacher.t3, school.class5, school.english).findings).toEqual([
      expect.objectContaining({ rule: 'lesson_without_homework', lessonId: noHomework }),
    ]);
    expect(itemOf(report, school.teacher.t2, school.class5, school.english).findings).toEqual([]);
  });

  it('a lesson given by someone not assigned, not marked as a substitution', () => {
    const unrecorded = school.lesson({ date: '2025-10-09', teacherId: school.teacher.outsider });
    school.lesson({ date: '2025-10-10', teacherId: school.teacher.outsider, substitution: true });
    const report = runChecks(school.mirror, scope());
    expect(itemOf(report, school.teacher.t1, school.class5, school.math).findings).toEqual([
      expect.objectContaining({
        rule: 'unrecorded_substitution',
        lessonId: unrecorded,
        value: String(school.teacher.outsider),
      }),
    ]);
    expect(report.totals.unrecorded_substitution).toBe(1);
  });

  it('a class subject no source brought to the period end, or never, goes to its teachers', () => {
    const coverage = school.mirror.sqlite;
    // Math of 5А was last synced on 10 October; English of 5А never; math of 10А through the end.
    coverage
      .prepare("UPDATE sync_coverage SET synced_through = '2025-10-10' WHERE class_id = ? AND subject_id = ?")
      .run(school.class5, school.math);
    coverage
      .prepare('DELETE FROM sync_coverage WHERE class_id = ? AND subject_id = ?')
      .run(school.class5, school.english);
    // A workbook of another source brought 10А's math only to 1 October: the latest source counts.
    coverage
      .prepare(
        `INSERT INTO sync_coverage (class_id, subject_id, source, account, synced_through, synced_at)
         VALUES (?, ?, 'workbook', '10А.xlsx', '2025-10-01', '2025-10-02T06:00:00.000Z')`,
      )
      .run(school.class10, school.math);
    const report = runChecks(school.mirror, scope());
    expect(report.totals.not_synced).toBe(2);
    expect(itemOf(report, school.teacher.t1, school.class5, school.math).findings).toEqual([
      expect.objectContaining({ rule: 'not_synced', value: '2025-10-10', reference: '2025-10-31' }),
    ]);
    for (const teacher of [school.teacher.t2, school.teacher.t3]) {
      expect(itemOf(report, teacher, school.class5, school.english).findings).toEqual([
        expect.objectContaining({ rule: 'not_synced', value: null }),
      ]);
    }
    expect(itemOf(report, school.teacher.t1, school.class10, school.math).findings).toEqual([]);
  });

  it('look only at the period and the classes asked for', () => {
    school.lesson({ date: '2025-11-12', topic: null });
    school.lesson({ date: '2025-10-09', classId: school.class10, topic: null });
    const only5 = runChecks(school.mirror, { ...scope(), classIds: [school.class5] });
    expect(only5.totals.lesson_without_topic).toBe(0);
    expect(only5.items.every((i) => i.classId === school.class5)).toBe(true);
  });

  it('refuse settings that make no sense, naming the setting', () => {
    expect(() => checkRulesWith({ finalMaxDistance: -1 })).toThrow(/finalMaxDistance/);
  });
});
