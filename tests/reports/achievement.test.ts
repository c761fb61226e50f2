import { afterEach, describe, expect, it } from 'vitest';
import type { Mirror } from '../../src/core/db/mirror';
import { runReport } from '../../src/core/reports/definitions';
import { standing, type FinalMark } from '../../src/core/reports/finals';
import { deputy } from '../support/actors';
import { clock, constructedSchool } from './constructed-school';

let mirror: Mirror | undefined;
afterEach(() => mirror?.close());

const final = (numeric: number | null, value = String(numeric), exempt = false): FinalMark => ({
  classId: 1,
  studentId: 1,
  subjectId: 1,
  value,
  numeric,
  exempt,
});

describe('achievement', () => {
  it('rates success and quality by class and school from the finals', () => {
    mirror = constructedSchool().mirror;
    const { tables } = runReport(mirror, deputy, 'achievement', { period: '1' }, clock);
    // Айбек 5 and 5 (excellent); Бегимай 4 and 3 (success, not quality); Чынгыз 2 and "н/а".
    expect(tables.classes?.rows).toEqual([
      {
        class: '5А',
        class_teacher: 'Асанов Б. Н.',
        students: 3,
        excellent: 1,
        good: 0,
        satisfactory: 1,
        with_two: 1,
        not_attested: 1,
        success_pct: 66.7,
        quality_pct: 33.3,
        average: 3.8, // (5 + 5 + 4 + 3 + 2) / 5
        missed: 5,
        unexcused: 3,
        attendance_pct: 82.1,
      },
    ]);
    expect(
      tables.subjects?.rows.map((r) => [
        r.subject,
        r.finals,
        r.fives,
        r.fours,
        r.threes,
        r.twos,
        r.not_attested,
        r.average,
        r.success_pct,
        r.quality_pct,
      ]),
    ).toEqual([
      ['Кыргыз тили', 3, 1, 0, 1, 0, 1, 4, 66.7, 33.3],
      ['Математика', 3, 1, 1, 0, 1, 0, 3.67, 66.7, 66.7],
    ]);
    expect(tables.excellent?.rows).toEqual([{ class: '5А', student: 'Асанов Айбек', subjects: '' }]);
    expect(tables.withTwo?.rows).toEqual([
      { class: '5А', student: 'Бакиров Чынгыз', subjects: 'Математика' },
    ]);
    expect(tables.notAttested?.rows).toEqual([
      { class: '5А', student: 'Бакиров Чынгыз', subjects: 'Кыргыз тили' },
    ]);
  });

  it('is made for a period, not a date range', () => {
    mirror = constructedSchool().mirror;
    const db = mirror;
    expect(() =>
      runReport(db, deputy, 'achievement', { from: '2025-09-01', to: '2025-09-12' }, clock),
    ).toThrow(expect.objectContaining({ code: 'REPORT_NEEDS_PERIOD' }) as Error);
  });

  it('leaves exemptions out and treats other non-marks as not attested', () => {
    expect(standing([final(5), final(null, 'осв', true)])).toMatchObject({
      success: true,
      quality: true,
      excellent: true,
    });
    expect(standing([final(4), final(null, 'н/а')])).toMatchObject({
      success: false,
      notAttested: true,
      quality: false,
    });
    expect(standing([final(5), final(3)])).toMatchObject({ success: true, quality: false, excellent: false });
    expect(standing([final(null, 'осв', true)])).toMatchObject({
      success: true,
      quality: false,
      excellent: false,
    });
  });
});
