import { afterEach, describe, expect, it } from 'vitest';
import type { Mirror } from '../../src/core/db/mirror';
import { runReport } from '../../src/core/reports/definitions';
import { deputy } from '../support/actors';
import { clock, constructedSchool } from './constructed-school';

let mirror: Mirror | undefined;
afterEach(() => mirror?.close());

function report(params: Parameters<typeof runReport>[3]) {
  mirror = constructedSchool().mirror;
  return runReport(mirror, deputy, 'journal-keeping', params, clock);
}

describe('journal keeping', () => {
  it('counts each journal of quarter 1 as worked out by hand', () => {
    const { tables } = report({ period: '1' });
    expect(tables.journals?.rows).toEqual([
      {
        class: '1А',
        subject: 'Математика',
        subgroup: '',
        teacher: 'Петрова А. С.',
        weekly_hours: 1,
        planned: 2,
        held: 1,
        held_pct: 50,
        no_topic: 0,
        no_homework: 0,
        lessons_late: 0,
        substitutions: 0,
        unrecorded_substitutions: 0,
        marks: 0,
        late_marks: 0,
        late_marks_pct: null,
        corrected_marks: 0,
        backdated_marks: 0,
      },
      {
        class: '5А',
        subject: 'Кыргыз тили',
        subgroup: '',
        teacher: 'Петрова А. С.',
        weekly_hours: 1,
        planned: 2,
        held: 2,
        held_pct: 100,
        no_topic: 0,
        no_homework: 1,
        lessons_late: 0,
        substitutions: 0,
        unrecorded_substitutions: 0,
        marks: 3,
        late_marks: 0,
        late_marks_pct: 0,
        corrected_marks: 0,
        backdated_marks: 0,
      },
      {
        class: '5А',
        subject: 'Математика',
        subgroup: '',
        teacher: 'Асанов Б. Н.',
        weekly_hours: 2,
        planned: 4,
        held: 6,
        held_pct: 150,
        no_topic: 1,
        no_homework: 1,
        lessons_late: 2,
        substitutions: 1,
        unrecorded_substitutions: 1,
        marks: 10,
        late_marks: 4,
        late_marks_pct: 40,
        corrected_marks: 1,
        backdated_marks: 1,
      },
    ]);
    expect(tables.journals?.totals).toMatchObject({
      class: 'Мектеп боюнча',
      planned: 8,
      held: 9,
      held_pct: 112.5,
      no_topic: 1,
      no_homework: 2,
      lessons_late: 2,
      substitutions: 1,
      unrecorded_substitutions: 1,
      marks: 13,
      late_marks: 4,
      late_marks_pct: 30.8,
      corrected_marks: 1,
      backdated_marks: 1,
    });
  });

  it('sums journals per teacher who carries the load', () => {
    const { tables } = report({ period: '1' });
    expect(
      tables.teachers?.rows.map((r) => [r.teacher, r.journals, r.planned, r.held, r.held_pct, r.marks]),
    ).toEqual([
      ['Асанов Б. Н.', 1, 4, 6, 150, 10],
      ['Петрова А. С.', 2, 4, 3, 75, 3],
    ]);
  });

  it('narrows to one teacher and plans only the weeks that have passed', () => {
    mirror = constructedSchool().mirror;
    const petrova = runReport(mirror, deputy, 'journal-keeping', { period: '1', teacherId: 2 }, clock);
    expect(petrova.tables.journals?.rows.map((r) => `${String(r.class)} ${String(r.subject)}`)).toEqual([
      '1А Математика',
      '5А Кыргыз тили',
    ]);
    // On Tue 2 Sep only 2 working days had passed: 0.4 weeks, 2 h → 1 lesson planned (0.8 rounded).
    const early = runReport(
      mirror,
      deputy,
      'journal-keeping',
      { from: '2025-09-01', to: '2025-09-12', classId: 1, subjectId: 1 },
      () => new Date('2025-09-02T10:00:00.000Z'),
    );
    expect(early.tables.journals?.rows[0]).toMatchObject({ planned: 1, held: 6 });
  });

  it('shows the changes the mirror saw in the quarter, per class and subject', () => {
    const { tables } = report({ period: '1' });
    expect(tables.seenChanges?.rows).toEqual([
      {
        class: '5А',
        subject: 'Кыргыз тили',
        marks_changed: 0,
        marks_removed: 0,
        marks_backdated: 0,
        certified_changed: 1,
      },
      {
        class: '5А',
        subject: 'Математика',
        marks_changed: 1,
        marks_removed: 0,
        marks_backdated: 1,
        certified_changed: 0,
      },
    ]);
    expect(tables.seenChanges?.totals).toMatchObject({
      marks_changed: 1,
      marks_backdated: 1,
      certified_changed: 1,
    });
  });

  it('speaks Russian names when asked', () => {
    const { tables } = report({ period: '1', language: 'ru', classId: 1 });
    expect(tables.journals?.rows.map((r) => r.subject)).toEqual(['Кыргызский язык', 'Математика']);
    expect(tables.journals?.totals?.class).toBe('По школе');
  });
});
