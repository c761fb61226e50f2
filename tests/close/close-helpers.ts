import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { fixedClock } from '../../src/core/clock';
import type { Mirror } from '../../src/core/db/mirror';
import {
  confirmTeacherCheck,
  recordBackup,
  recordClassPrint,
  recordHandover,
  recordTitleCertification,
  startClose,
} from '../../src/core/close';
import { isMoorError } from '../../src/core/errors';
import { createTinySchool, fillCleanQuarter, type TinySchool } from '../checks/tiny-school';
import { deputy } from '../support/actors';

/** The first week of the autumn vacation, after quarter 1. */
export const clock = fixedClock('2025-11-03T05:00:00Z');

/** A fresh tiny school whose quarter 1 has nothing wrong, so a test's findings are its own doing. */
export function cleanTinySchool(): TinySchool {
  const school = createTinySchool();
  fillCleanQuarter(school);
  return school;
}

/** The clean tiny school with its quarter-1 close started by the deputy. */
export function startedQuarterClose(): { school: TinySchool; closeId: number } {
  const school = cleanTinySchool();
  return { school, closeId: startClose(school.mirror, { periodId: school.periodId }, deputy, clock) };
}

/** Every row of the close's tables, the audit log and the frozen scopes, hashed. */
export function closeFingerprint(mirror: Mirror): string {
  const hash = createHash('sha256');
  for (const table of [
    'close_run',
    'close_class',
    'close_day',
    'close_item',
    'close_override',
    'audit_log',
    'audit_head',
    'frozen_scope',
  ]) {
    for (const row of mirror.sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).raw(true).iterate()) {
      hash.update(JSON.stringify(row));
    }
  }
  return hash.digest('hex');
}

/** Expects the action to be refused with this error code, and nothing at all to have changed. */
export function expectRefused(mirror: Mirror, code: string, action: () => unknown, message?: RegExp): void {
  const before = closeFingerprint(mirror);
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(isMoorError(caught), `expected a MoorError ${code}, got ${String(caught)}`).toBe(true);
  if (isMoorError(caught)) {
    expect(caught.code).toBe(code);
    if (message) expect(caught.message).toMatch(message);
  }
  expect(closeFingerprint(mirror)).toBe(before);
}

export function staffId(mirror: Mirror, position: string): number {
  const row = mirror.sqlite
    .prepare<[string], { id: number }>('SELECT id FROM staff WHERE position = ? LIMIT 1')
    .get(position);
  if (!row) throw new Error(`no ${position}`);
  return row.id;
}

/** Day 1 done: every teacher of the tiny school has confirmed the check. */
export function confirmAllTeachers(
  school: TinySchool,
  closeId: number,
  teachers = allTeachers(school),
): void {
  for (const teacherId of teachers) confirmTeacherCheck(school.mirror, { closeId, teacherId }, deputy, clock);
}

function allTeachers(school: TinySchool): number[] {
  return [school.teacher.t1, school.teacher.t2, school.teacher.t3];
}

/** The deputy records a class's copy as printed under this document id. */
export function recordPrint(school: TinySchool, closeId: number, classId: number, documentId: string) {
  return recordClassPrint(school.mirror, { closeId, classId, documentId }, deputy, clock);
}

/** Day 2 done: the backup is recorded and both classes' copies are printed. */
export function recordDay2(school: TinySchool, closeId: number): void {
  recordBackup(school.mirror, { closeId, registerId: 1, backupId: 'b-1', verified: true }, deputy, clock);
  recordPrint(school, closeId, school.class5, 'doc-101');
  recordPrint(school, closeId, school.class10, 'doc-102');
}

/** Day 4 done: both class teachers have certified their title pages. */
export function certifyAllTitles(school: TinySchool, closeId: number): void {
  recordTitleCertification(school.mirror, { closeId, classId: school.class5 }, deputy, clock);
  recordTitleCertification(school.mirror, { closeId, classId: school.class10 }, deputy, clock);
}

/** The deputy hands the certified copies over to the school's secretary (day 5). */
export function handOverToSecretary(school: TinySchool, closeId: number): void {
  recordHandover(school.mirror, { closeId, secretaryId: staffId(school.mirror, 'secretary') }, deputy, clock);
}
