import { describe, expect, it } from 'vitest';
import { buildClassCopy } from '../../src/core/documents/class-copy/build-class-copy';
import { registerSpec, type RegisterLayout } from '../../src/core/documents/register/register-document';
import { fontMetrics } from '../../src/core/documents/fonts/metrics';
import { paginate } from '../../src/core/documents/layout/paginate';
import type { Page } from '../../src/core/documents/layout/page';
import type { DocumentSpec } from '../../src/core/documents/layout/model';
import { buildYearSummary } from '../../src/core/documents/year-summary/build-year-summary';
import { printedWords, type RegisterColumns } from '../../src/core/documents/words';
import type { YearSummary } from '../../src/core/journal/year-summary';
import { overflowJournal } from './overflow-journal';

const metrics = fontMetrics();
const MM = 72 / 25.4;
const languages = ['ky', 'ru'] as const;
const createdAt = '2025-11-03T08:00:00.000Z';

/**
 * What a secretary stitching the copy needs of every page: nothing in the 25 mm binding strip (the
 * left edge of a portrait page, the top edge of a landscape page turned into the copy), 10 mm
 * clear at the other edges, and no type under 6.5 pt.
 */
function expectBindable(pages: readonly Page[]): void {
  for (const page of pages) {
    const landscape = page.width > page.height;
    const left = (landscape ? 10 : 25) * MM;
    const top = (landscape ? 25 : 10) * MM;
    const right = page.width - 10 * MM;
    const bottom = page.height - 10 * MM;
    const where = (what: string) => `${what} on a ${landscape ? 'landscape' : 'portrait'} page`;
    for (const text of page.texts) {
      const width = metrics.width(text.text, text.size, text.bold ? 'bold' : 'regular');
      const box = { x1: text.x, x2: text.x + width, y1: text.y - metrics.ascent * text.size, y2: text.y };
      expect(text.size, where(`"${text.text}"`)).toBeGreaterThanOrEqual(6.5);
      expect(box.x1, where(`"${text.text}"`)).toBeGreaterThanOrEqual(left);
      expect(box.x2, where(`"${text.text}"`)).toBeLessThanOrEqual(right);
      expect(box.y1, where(`"${text.text}"`)).toBeGreaterThanOrEqual(top);
      expect(box.y2, where(`"${text.text}"`)).toBeLessThanOrEqual(bottom);
    }
    for (const line of [
      ...page.lines,
      ...page.boxes.map((b) => ({ x1: b.x, y1: b.y, x2: b.x + b.width, y2: b.y + b.height })),
    ]) {
      expect(Math.min(line.x1, line.x2), where('a rule')).toBeGreaterThanOrEqual(left);
      expect(Math.max(line.x1, line.x2), where('a rule')).toBeLessThanOrEqual(right);
      expect(Math.min(line.y1, line.y2), where('a rule')).toBeGreaterThanOrEqual(top);
      expect(Math.max(line.y1, line.y2), where('a rule')).toBeLessThanOrEqual(bottom);
    }
    const qr = page.qr;
    if (qr) {
      expect(qr.x).toBeGreaterThanOrEqual(left);
      expect(qr.x + qr.size).toBeLessThanOrEqual(right);
      expect(qr.y).toBeGreaterThanOrEqual(top);
      expect(qr.y + qr.size).toBeLessThanOrEqual(bottom);
    }
  }
}

function classCopy(language: 'ky' | 'ru'): DocumentSpec {
  return buildClassCopy(overflowJournal(), {
    id: 'Q1-TEST',
    fingerprint: 'a'.repeat(64),
    language,
    createdAt,
  });
}

/** The overflow class over a year of four quarters and the year mark, 14 subjects. */
function yearSummary(): YearSummary {
  const journal = overflowJournal();
  const periods: YearSummary['periods'] = [
    ...[1, 2, 3, 4].map((number) => ({ id: number, kind: 'quarter' as const, number })),
    { id: 5, kind: 'year', number: 1 },
  ];
  const subjects = Array.from({ length: 14 }, (_, i) => ({
    id: i + 1,
    nameKy: `Предмет ${i + 1}`,
    nameRu: `Предмет ${i + 1}`,
    shortKy: `Пред. ${i + 1}`,
    shortRu: `Пред. ${i + 1}`,
  }));
  return {
    school: journal.school,
    academicYear: { id: 1, label: '2025-2026', startsOn: '2025-09-01', endsOn: '2026-05-31' },
    class: { id: 1, grade: 11, letter: 'Ө', language: 'ky' },
    classTeacher: journal.classTeacher,
    director: journal.director,
    periods,
    subjects,
    students: journal.students,
    finals: journal.students.flatMap((student) =>
      subjects.flatMap((subject) =>
        periods.map((period) => ({
          studentId: student.id,
          subjectId: subject.id,
          periodId: period.id,
          value: '4',
        })),
      ),
    ),
  };
}

const longName = 'Кененсарыулуу-Ңурманбетова Үмүтай Жаңыбаевна';
const sha = 'f'.repeat(64);
const drivePath = `E:\\moor-backups\\${'2025-2026 окуу жылы, 1-чейрек\\'.repeat(3)}moor-backup-2025-11-03T08-00-00.moor`;

/** A register of 40 lines holding the longest values each column really gets. */
function register(language: 'ky' | 'ru', title: string, columns: RegisterColumns): RegisterLayout {
  const values = (i: number) => [i + 1, `${i + 1}/2025`, longName, drivePath, sha, '52,7 МБ', '11Ө класс'];
  return {
    id: `REG-${title.length}`,
    language,
    createdAt,
    title,
    subtitle: ['№ 95 гимназия', '2025-жыл'],
    columns,
    rows: Array.from({ length: 40 }, (_, i) => columns.map((_, c) => values(i)[c % 7] ?? '')),
    signatures: [{ role: printedWords(language).registers.secretary, name: longName, seal: true }],
  };
}

describe('every page can be stitched and read', () => {
  it.each(languages)('the class copy (%s): title page, grids, lessons, finals and absences', (language) => {
    const spec = classCopy(language);
    const pages = paginate(spec);
    const kinds = new Set(pages.map((p) => (p.width > p.height ? 'landscape' : 'portrait')));
    expect(kinds).toEqual(new Set(['portrait', 'landscape']));
    expectBindable(pages);
  });

  it.each(languages)('the year-end summary sheet (%s)', (language) => {
    const spec = buildYearSummary(yearSummary(), {
      id: 'YS-TEST',
      fingerprint: 'b'.repeat(64),
      language,
      createdAt,
    });
    expectBindable(paginate(spec));
  });

  it.each(languages)('every register, the inventory and the signature tracker (%s)', (language) => {
    const { registers, signatureSheet } = printedWords(language);
    const kinds: [string, RegisterColumns][] = [
      [registers.archiveTitle, registers.archiveColumns],
      [registers.backupTitle, registers.backupColumns],
      [registers.useTitle, registers.useColumns],
      [registers.handoverTitle, registers.handoverColumns],
      [registers.inventoryTitle, registers.inventoryColumns],
      [signatureSheet.title, signatureSheet.columns],
    ];
    for (const [title, columns] of kinds)
      expectBindable(paginate(registerSpec(register(language, title, columns))));
  });

  it("keeps the backup register's drive path and SHA-256 whole, at a readable size", () => {
    const { registers } = printedWords('ky');
    const pages = paginate(registerSpec(register('ky', registers.backupTitle, registers.backupColumns)));
    const text = pages.map((p) => p.texts.map((t) => t.text).join('')).join('');
    expect(text.split(sha).length - 1).toBe(40);
  });
});
