import { afterEach, describe, expect, it } from 'vitest';
import type { Mirror } from '../../src/core/db/mirror';
import { runReport } from '../../src/core/reports/definitions';
import { deputy } from '../support/actors';
import { clock, constructedSchool } from './constructed-school';

let mirror: Mirror | undefined;
afterEach(() => mirror?.close());

describe('attendance', () => {
  it('counts lessons on the list and misses by Б / У / Н per student, class and school', () => {
    mirror = constructedSchool().mirror;
    const { tables } = runReport(mirror, deputy, 'attendance', { period: '1', unexcusedThreshold: 2 }, clock);
    // 5А had 8 lessons in quarter 1; Данияр was on the list for the 4 up to 8 Sep (his last day).
    expect(tables.students?.rows).toEqual([
      {
        class: '1А',
        student: 'Токтогулов Эмир',
        lessons: 1,
        missed: 0,
        illness: 0,
        excused: 0,
        unexcused: 0,
        late: 0,
        attendance_pct: 100,
      },
      {
        class: '5А',
        student: 'Алиева Бегимай',
        lessons: 8,
        missed: 1,
        illness: 1,
        excused: 0,
        unexcused: 0,
        late: 0,
        attendance_pct: 87.5,
      },
      {
        class: '5А',
        student: 'Асанов Айбек',
        lessons: 8,
        missed: 2,
        illness: 0,
        excused: 0,
        unexcused: 2,
        late: 0,
        attendance_pct: 75,
      },
      {
        class: '5А',
        student: 'Бакиров Чынгыз',
        lessons: 8,
        missed: 1,
        illness: 0,
        excused: 1,
        unexcused: 0,
        late: 1,
        attendance_pct: 87.5,
      },
      {
        class: '5А',
        student: 'Исаев Данияр',
        lessons: 4,
        missed: 1,
        illness: 0,
        excused: 0,
        unexcused: 1,
        late: 0,
        attendance_pct: 75,
      },
    ]);
    // Classes in school order: by grade, then letter.
    expect(tables.classes?.rows).toEqual([
      {
        class: '1А',
        students: 1,
        lessons: 1,
        missed: 0,
        illness: 0,
        excused: 0,
        unexcused: 0,
        late: 0,
        attendance_pct: 100,
      },
      {
        class: '5А',
        students: 4,
        lessons: 28,
        missed: 5,
        illness: 1,
        excused: 1,
        unexcused: 3,
        late: 1,
        attendance_pct: 82.1,
      },
    ]);
    expect(tables.classes?.totals).toMatchObject({
      students: 5,
      lessons: 29,
      missed: 5,
      attendance_pct: 82.8,
    });
    expect(tables.unexcused?.rows.map((r) => r.student)).toEqual(['Асанов Айбек']);
  });

  it('lists nobody under the default threshold of 5 unexcused lessons', () => {
    mirror = constructedSchool().mirror;
    const { tables } = runReport(mirror, deputy, 'attendance', { period: '1' }, clock);
    expect(tables.unexcused?.rows).toEqual([]);
  });
});
