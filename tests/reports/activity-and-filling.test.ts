import { afterEach, describe, expect, it } from 'vitest';
import type { Mirror } from '../../src/core/db/mirror';
import { runReport } from '../../src/core/reports/definitions';
import { deputy } from '../support/actors';
import { clock, constructedSchool } from './constructed-school';

let mirror: Mirror | undefined;
afterEach(() => mirror?.close());

describe('weekly activity', () => {
  it('counts entries per teacher by the day they were entered', () => {
    mirror = constructedSchool().mirror;
    const { tables } = runReport(
      mirror,
      deputy,
      'weekly-activity',
      { from: '2025-09-01', to: '2025-09-07' },
      clock,
    );
    // Асанов: on 1 Sep lesson 1, Айбек's mark, Чынгыз's absence; on 3 Sep lesson 2, four marks
    // (two of lesson 1 entered late, one at 01:00 Bishkek time), Айбек's absence.
    expect(tables.days?.rows).toEqual([
      {
        teacher: 'Асанов Б. Н.',
        date: '2025-09-01',
        lessons: 1,
        marks: 1,
        corrections: 0,
        attendance: 1,
        total: 3,
      },
      {
        teacher: 'Асанов Б. Н.',
        date: '2025-09-03',
        lessons: 1,
        marks: 4,
        corrections: 0,
        attendance: 1,
        total: 6,
      },
      {
        teacher: 'Петрова А. С.',
        date: '2025-09-02',
        lessons: 2,
        marks: 2,
        corrections: 0,
        attendance: 1,
        total: 5,
      },
    ]);
    expect(tables.teachers?.totals).toMatchObject({
      active_days: 3,
      idle_school_days: 0,
      lessons: 4,
      marks: 7,
      attendance: 3,
      total: 14,
    });
  });

  it('shows a teaching day without entries and the corrections of marks', () => {
    mirror = constructedSchool().mirror;
    const { tables } = runReport(
      mirror,
      deputy,
      'weekly-activity',
      { from: '2025-09-08', to: '2025-09-14' },
      clock,
    );
    // Осмонов taught on 11 and 12 Sep but entered the lesson of the 12th only on the 15th.
    expect(tables.teachers?.rows.find((r) => r.teacher === 'Осмонов Т.')).toMatchObject({
      active_days: 1,
      idle_school_days: 1,
      lessons: 1,
    });
    // The correction of Айбек's mark on 10 Sep counts for Асанов that day.
    expect(
      tables.days?.rows.find((r) => r.teacher === 'Асанов Б. Н.' && r.date === '2025-09-10'),
    ).toMatchObject({
      corrections: 1,
      marks: 1,
    });
  });
});

describe('monthly filling', () => {
  it('sums the month by class: load, topics, homework, marks, late marks, absences', () => {
    mirror = constructedSchool().mirror;
    const { tables } = runReport(mirror, deputy, 'monthly-filling', { period: '1' }, clock);
    expect(tables.classes?.rows).toEqual([
      {
        month: '2025-09',
        class: '1А',
        planned: 2,
        held: 1,
        held_pct: 50,
        topic_pct: 100,
        homework_pct: null, // class 1 gets no homework
        marks: 0,
        marks_per_student: 0,
        late_marks_pct: null,
        absences: 0,
      },
      {
        month: '2025-09',
        class: '5А',
        planned: 5, // 3 h × 1.8 weeks
        held: 8,
        held_pct: 160,
        topic_pct: 87.5,
        homework_pct: 75,
        marks: 13,
        marks_per_student: 3.25,
        late_marks_pct: 30.8,
        absences: 5,
      },
    ]);
    expect(tables.months?.rows).toEqual([
      {
        month: '2025-09',
        class: '',
        planned: 7,
        held: 9,
        held_pct: 128.6,
        topic_pct: 88.9,
        homework_pct: 75,
        marks: 13,
        marks_per_student: 2.6,
        late_marks_pct: 30.8,
        absences: 5,
      },
    ]);
  });
});
