import { describe, expect, it } from 'vitest';
import { loadClassJournal } from '../../src/core/journal/class-journal';
import { classDataFingerprint } from '../../src/core/journal/fingerprint';
import { smallSchoolForBlock } from './small-school';

describe('class journal read model', () => {
  const school = smallSchoolForBlock(5, 'Б', 1);

  it('lists every student enrolled at any time in the period, with leaving dates', () => {
    const journal = loadClassJournal(school.mirror, school.classId, school.periodId);
    const expected = school.mirror.sqlite
      .prepare(
        `SELECT student_id, left_on FROM enrollment WHERE class_id = ? AND joined_on <= '2025-10-31'
         AND (left_on IS NULL OR left_on >= '2025-09-01')`,
      )
      .all(school.classId) as { student_id: number; left_on: string | null }[];
    expect(journal.students.map((s) => s.id).sort()).toEqual(expected.map((e) => e.student_id).sort());
    const leavers = journal.students.filter((s) => s.leftOn !== null);
    expect(leavers.length).toBeGreaterThan(0);
    for (const leaver of leavers)
      expect(expected.find((e) => e.student_id === leaver.id)?.left_on).toBe(leaver.leftOn);
  });

  it('holds every mark and absence of the period, the averages and the finals as the mirror has them', () => {
    const journal = loadClassJournal(school.mirror, school.classId, school.periodId);
    const marks = school.mirror.sqlite
      .prepare(
        `SELECT m.student_id, l.subject_id, l.subgroup_id, m.value, m.numeric_value FROM mark m JOIN lesson l ON l.id = m.lesson_id
         WHERE l.class_id = ? AND l.date BETWEEN '2025-09-01' AND '2025-10-31'`,
      )
      .all(school.classId) as {
      student_id: number;
      subject_id: number;
      subgroup_id: number | null;
      value: string;
      numeric_value: number | null;
    }[];
    const printed = journal.subjects.flatMap((s) => s.entries.flatMap((e) => e.marks));
    expect(printed.length).toBe(marks.length);
    expect(marks.length).toBeGreaterThan(100);

    for (const subject of journal.subjects) {
      for (const { studentId, average } of subject.averages) {
        const values = marks
          .filter(
            (m) =>
              m.student_id === studentId &&
              m.subject_id === subject.subjectId &&
              m.subgroup_id === (subject.subgroup?.id ?? null),
          )
          .flatMap((m) => (m.numeric_value === null ? [] : [m.numeric_value]));
        const expected =
          values.length === 0
            ? null
            : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
        expect(average).toBe(expected);
      }
      const finals = school.mirror.sqlite
        .prepare(
          'SELECT student_id, value FROM period_final WHERE class_id = ? AND period_id = ? AND subject_id = ?',
        )
        .all(school.classId, school.periodId, subject.subjectId) as { student_id: number; value: string }[];
      for (const final of subject.finals)
        expect(final.value).toBe(finals.find((f) => f.student_id === final.studentId)?.value ?? null);
    }

    const absences = school.mirror.sqlite
      .prepare(
        `SELECT a.reason, count(*) AS n FROM attendance a JOIN lesson l ON l.id = a.lesson_id
         WHERE l.class_id = ? AND l.date BETWEEN '2025-09-01' AND '2025-10-31' AND a.kind = 'absent' GROUP BY a.reason`,
      )
      .all(school.classId) as { reason: string; n: number }[];
    const total = journal.absences.reduce((sum, a) => sum + a.total, 0);
    expect(total).toBe(absences.reduce((sum, a) => sum + a.n, 0));
    expect(journal.absences.reduce((sum, a) => sum + a.ill, 0)).toBe(
      absences.find((a) => a.reason === 'Б')?.n ?? 0,
    );
  });

  it('gives the same fingerprint for the same data and a new one when a mark changes', () => {
    const before = classDataFingerprint(school.mirror, school.classId, school.periodId);
    expect(classDataFingerprint(school.mirror, school.classId, school.periodId)).toBe(before);
    const mark = school.mirror.sqlite
      .prepare(
        `SELECT m.id, m.value FROM mark m JOIN lesson l ON l.id = m.lesson_id
         WHERE l.class_id = ? AND l.date BETWEEN '2025-09-01' AND '2025-10-31' LIMIT 1`,
      )
      .get(school.classId) as { id: number; value: string };
    school.mirror.sqlite
      .prepare('UPDATE mark SET value = ? WHERE id = ?')
      .run(mark.value === '5' ? '4' : '5', mark.id);
    expect(classDataFingerprint(school.mirror, school.classId, school.periodId)).not.toBe(before);
    school.mirror.sqlite.prepare('UPDATE mark SET value = ? WHERE id = ?').run(mark.value, mark.id);
    expect(classDataFingerprint(school.mirror, school.classId, school.periodId)).toBe(before);
  });
});
