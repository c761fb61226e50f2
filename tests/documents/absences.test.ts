import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock';
import { printClassCopy } from '../../src/core/documents';
import { buildClassCopy } from '../../src/core/documents/class-copy/build-class-copy';
import type { TableBlock } from '../../src/core/documents/layout/model';
import { loadClassJournal } from '../../src/core/journal/class-journal';
import { smallSchoolForBlock } from '../journal/small-school';
import { deputy } from '../support/actors';
import { tempDir } from '../support/temp-dir';
import { pdfPagesText, squash } from './helpers';

describe('the absences page and the page count of a copy', () => {
  const school = smallSchoolForBlock(5, 'Б', 1);

  it('counts every student’s missed lessons per month and in total, with the class’s totals', () => {
    const journal = loadClassJournal(school.mirror, school.classId, school.periodId);
    const rows = school.mirror.sqlite
      .prepare(
        `SELECT a.student_id, substr(l.date, 1, 7) AS month, count(*) AS n
         FROM attendance a JOIN lesson l ON l.id = a.lesson_id
         WHERE l.class_id = ? AND l.date BETWEEN '2025-09-01' AND '2025-10-31' AND a.kind = 'absent'
         GROUP BY a.student_id, month`,
      )
      .all(school.classId) as { student_id: number; month: string; n: number }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const absences of journal.absences) {
      const own = rows.filter((r) => r.student_id === absences.studentId);
      expect(absences.byMonth).toEqual(own.map((r) => ({ month: r.month, missed: r.n })));
      expect(absences.total).toBe(own.reduce((sum, r) => sum + r.n, 0));
    }

    const spec = buildClassCopy(journal, {
      id: 'test',
      fingerprint: 'a'.repeat(64),
      language: 'ru',
      createdAt: '2025-11-03T08:00:00.000Z',
    });
    const section = spec.sections.at(-1);
    const table = section?.blocks[0] as TableBlock;
    expect(section?.pageHeader).toContain('Пропуски уроков учащимися (количество уроков)');
    expect(table.columns.map((c) => c.header)).toEqual([
      '№',
      'Фамилия, имя учащегося',
      'Сентябрь',
      'Октябрь',
      'Всего',
      'Б (по болезни)',
      'У (по уважительной причине)',
      'Н (без уважительной причины)',
      'Опоздания',
    ]);
    const byMonth = (month: string) => rows.filter((r) => r.month === month).reduce((s, r) => s + r.n, 0);
    const totals = table.rows.at(-1)?.map((c) => c.value);
    expect(totals?.slice(1, 5)).toEqual([
      'Итого по классу',
      byMonth('2025-09'),
      byMonth('2025-10'),
      byMonth('2025-09') + byMonth('2025-10'),
    ]);
    journal.students.forEach((student, i) => {
      const row = table.rows[i]?.map((c) => c.value);
      const a = journal.absences.find((x) => x.studentId === student.id);
      const month = (m: string) => a?.byMonth.find((x) => x.month === m)?.missed ?? 0;
      expect(row?.slice(2)).toEqual([
        month('2025-09'),
        month('2025-10'),
        a?.total,
        a?.ill,
        a?.excused,
        a?.unexcused,
        a?.late,
      ]);
    });
  });

  it('prints the months and the unit, and a Russian certification whose noun agrees with the page count', async () => {
    const copy = await printClassCopy(school.mirror, {
      classId: school.classId,
      periodId: school.periodId,
      language: 'ru',
      outDir: tempDir(),
      actor: deputy,
      clock: fixedClock('2025-11-03T08:00:00Z'),
    });
    const pages = pdfPagesText(copy.pdfPath).map(squash);
    const n = pages.length;
    const noun =
      n % 10 === 1 && n % 100 !== 11
        ? 'лист'
        : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100)
          ? 'листа'
          : 'листов';
    expect(pages[0]).toContain(`В настоящей копии пронумеровано, прошито и скреплено печатью ${n} ${noun}.`);
    const last = pages.at(-1) ?? '';
    expect(last).toContain('Пропуски уроков учащимися (количество уроков)');
    expect(last).toContain('По месяцам');
    expect(last).toMatch(/Сентябрь.*Октябрь/);
    expect(last).toContain('Итого по классу');
    expect(last).toContain('Классный руководитель');
  });
});
