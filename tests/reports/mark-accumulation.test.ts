import { afterEach, describe, expect, it } from 'vitest';
import type { Mirror } from '../../src/core/db/mirror';
import { runReport } from '../../src/core/reports/definitions';
import { deputy } from '../support/actors';
import { clock, constructedSchool } from './constructed-school';

let mirror: Mirror | undefined;
afterEach(() => mirror?.close());

describe('mark accumulation', () => {
  it('counts marks per student against the load and the students with none or one', () => {
    mirror = constructedSchool().mirror;
    const { tables } = runReport(mirror, deputy, 'mark-accumulation', { period: '1' }, clock);
    // Class 1 is not marked, so only 5А's two journals. Math: Айбек 4, Бегимай 3, Чынгыз 2, Данияр 1
    // (he left on 8 Sep but was on the list in the quarter). Kyrgyz: 2, 1, 0, 0.
    expect(tables.journals?.rows).toEqual([
      {
        class: '5А',
        subject: 'Кыргыз тили',
        subgroup: '',
        teacher: 'Петрова А. С.',
        weekly_hours: 1,
        students: 4,
        marks: 3,
        marks_per_student: 0.75,
        marks_per_week: 0.42, // 0.75 / 1.8 weeks
        load_ratio_pct: 41.7, // 0.4167 of 1 h
        no_marks: 2,
        no_marks_pct: 50,
        one_mark: 1,
        one_mark_pct: 25,
      },
      {
        class: '5А',
        subject: 'Математика',
        subgroup: '',
        teacher: 'Асанов Б. Н.',
        weekly_hours: 2,
        students: 4,
        marks: 10,
        marks_per_student: 2.5,
        marks_per_week: 1.39, // 2.5 / 1.8
        load_ratio_pct: 69.4, // 1.389 of 2 h
        no_marks: 0,
        no_marks_pct: 0,
        one_mark: 1,
        one_mark_pct: 25,
      },
    ]);
    expect(tables.journals?.totals).toMatchObject({
      students: 8,
      marks: 13,
      marks_per_student: 1.63,
      marks_per_week: 0.9,
      no_marks: 2,
      no_marks_pct: 25,
      one_mark: 2,
      one_mark_pct: 25,
    });
    expect(tables.classes?.rows).toEqual([
      {
        class: '5А',
        students: 4,
        pairs: 8,
        marks: 13,
        marks_per_student: 3.25,
        no_marks: 2,
        no_marks_pct: 25,
        one_mark: 2,
        one_mark_pct: 25,
        students_with_gap: 3,
      },
    ]);
    expect(tables.fewMarks?.rows.map((r) => [r.student, r.subject, r.marks])).toEqual([
      ['Алиева Бегимай', 'Кыргыз тили', 1],
      ['Бакиров Чынгыз', 'Кыргыз тили', 0],
      ['Исаев Данияр', 'Кыргыз тили', 0],
      ['Исаев Данияр', 'Математика', 1],
    ]);
  });
});
