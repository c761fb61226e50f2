import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/core/checks/run-checks';
import { putSetting } from '../../src/core/settings/app-settings';
import { defaultCheckRules } from '../../src/core/settings/journal-rule-defaults';
import { closeStatus, confirmTeacherCheck, recordChecks, startClose } from '../../src/core/close';
import type { TinySchool } from '../checks/tiny-school';
import { deputy } from '../support/actors';
import { cleanTinySchool, clock, expectRefused } from './close-helpers';

let school: TinySchool;

beforeEach(() => {
  school = cleanTinySchool();
});
afterEach(() => {
  school.close();
});

/** class:subject:student of every missing final the checks found. */
function missingFinals(report: CheckReport): string[] {
  return report.items
    .flatMap((item) => item.findings)
    .filter((f) => f.rule === 'missing_final')
    .map((f) => `${f.classId}:${f.subjectId}:${String(f.studentId)}`)
    .sort();
}

describe('which classes a close takes', () => {
  const classesOf = (periodId: number) =>
    closeStatus(school.mirror, startClose(school.mirror, { periodId }, deputy, clock)).classes;

  it('takes the grades marked by half-year into a half-year close, and no others', () => {
    expect(classesOf(school.halfYearId)).toEqual(['10А']);
  });

  it('takes every class 2–11 into a quarter close (paper copies each quarter, I 4.4)', () => {
    expect(classesOf(school.periodId)).toEqual(['5А', '10А']);
  });

  it("follows the school's half-year grades setting", () => {
    putSetting(school.mirror, 'checkRules', { ...defaultCheckRules, halfYearGrades: [5] }, clock());
    expect(classesOf(school.halfYearId)).toEqual(['5А']);
  });

  it('refuses narrowing a half-year close to a class marked by quarter, naming the field', () => {
    expectRefused(
      school.mirror,
      'CLOSE_CLASS_NOT_IN_PERIOD',
      () =>
        startClose(school.mirror, { periodId: school.halfYearId, classIds: [school.class5] }, deputy, clock),
      /5А is not closed with this period/,
    );
  });

  it('lets a quarter close be narrowed to some of its classes', () => {
    const closeId = startClose(
      school.mirror,
      { periodId: school.periodId, classIds: [school.class10] },
      deputy,
      clock,
    );
    expect(closeStatus(school.mirror, closeId).classes).toEqual(['10А']);
  });
});

describe('a close of another period kind', () => {
  it('closes a half-year over the classes it is narrowed to, checking the half-year finals', () => {
    const closeId = startClose(
      school.mirror,
      { periodId: school.halfYearId, classIds: [school.class10] },
      deputy,
      clock,
    );
    const status = closeStatus(school.mirror, closeId);
    expect(status.classes).toEqual(['10А']);
    // One teacher check, backup and one print, one subject to sign, one title page, day 5.
    expect(status.days.map((d) => d.counts.total)).toEqual([1, 2, 1, 1, 4]);

    // 10А gives half-year finals (quarter finals were never expected of it); 5А is out of scope.
    const tenth = school.mirror.sqlite
      .prepare<[number], { id: number }>('SELECT student_id AS id FROM enrollment WHERE class_id = ?')
      .all(school.class10)
      .map((r) => r.id);
    expect(missingFinals(recordChecks(school.mirror, closeId, deputy, clock))).toEqual(
      tenth.map((id) => `${school.class10}:${school.math}:${id}`).sort(),
    );
    for (const studentId of tenth) {
      school.final({ studentId, classId: school.class10, value: '4', periodId: school.halfYearId });
    }
    expect(missingFinals(recordChecks(school.mirror, closeId, deputy, clock))).toEqual([]);
    confirmTeacherCheck(school.mirror, { closeId, teacherId: school.teacher.t1 }, deputy, clock);
    expect(closeStatus(school.mirror, closeId).currentDay).toBe(2);
  });

  it('closes the year over every class 2–11, expecting a year mark from each student', () => {
    const yearId = Number(
      school.mirror.sqlite
        .prepare(
          `INSERT INTO reporting_period (academic_year_id, kind, number, starts_on, ends_on)
           SELECT academic_year_id, 'year', 1, '2025-09-01', '2026-05-25' FROM reporting_period WHERE id = ?`,
        )
        .run(school.periodId).lastInsertRowid,
    );
    // Class 1 is not marked: no paper copy, no close.
    school.mirror.sqlite
      .prepare(
        `INSERT INTO class (academic_year_id, grade, letter, language)
         SELECT academic_year_id, 1, 'А', 'ky' FROM reporting_period WHERE id = ?`,
      )
      .run(yearId);
    const closeId = startClose(school.mirror, { periodId: yearId }, deputy, clock);
    expect(closeStatus(school.mirror, closeId).classes).toEqual(['5А', '10А']);
    // Every student still on a class list misses a year mark in every subject of the class; the
    // fifth student of 5А left in October and is not expected to have one.
    const [a, b, c, d] = school.students as [number, number, number, number];
    const tenth = school.mirror.sqlite
      .prepare<[number], { id: number }>('SELECT student_id AS id FROM enrollment WHERE class_id = ?')
      .get(school.class10)?.id;
    const expected = [
      ...[school.math, school.english].flatMap((subject) =>
        [a, b, c, d].map((student) => `${school.class5}:${subject}:${student}`),
      ),
      `${school.class10}:${school.math}:${String(tenth)}`,
    ].sort();
    expect(missingFinals(recordChecks(school.mirror, closeId, deputy, clock))).toEqual(expected);
  });
});
