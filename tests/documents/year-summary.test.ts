import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock';
import type { Mirror } from '../../src/core/db/mirror';
import { printYearSummary } from '../../src/core/documents';
import { loadYearSummary, yearCounts } from '../../src/core/journal/year-summary';
import { classId } from '../journal/small-school';
import { tempDir } from '../support/temp-dir';
import { deputy } from '../support/actors';
import { openSmallSchool } from '../support/schools';
import { cellString, pdfPagesText, squash } from './helpers';

describe('year-end summary sheet', () => {
  let mirror: Mirror;
  let klass: number;
  beforeAll(() => {
    mirror = openSmallSchool();
    klass = classId(mirror, 8, 'А');
  });
  afterAll(() => {
    mirror.close();
  });

  it('counts excellent students, those with 4s and 5s and those with a 2 from the year marks', () => {
    const summary = loadYearSummary(mirror, klass, 1);
    const rows = mirror.sqlite
      .prepare(
        `SELECT f.student_id, f.value FROM period_final f JOIN reporting_period p ON p.id = f.period_id
         WHERE f.class_id = ? AND p.kind = 'year' AND f.value GLOB '[0-9]'`,
      )
      .all(klass) as { student_id: number; value: string }[];
    const byStudent = new Map<number, number[]>();
    for (const row of rows)
      byStudent.set(row.student_id, [...(byStudent.get(row.student_id) ?? []), Number(row.value)]);
    const marks = [...byStudent.values()];
    expect(yearCounts(summary)).toEqual({
      excellent: marks.filter((m) => m.every((v) => v === 5)).length,
      goodAndExcellent: marks.filter((m) => m.every((v) => v >= 4) && m.some((v) => v === 4)).length,
      withTwo: marks.filter((m) => m.some((v) => v <= 2)).length,
      assessed: marks.length,
    });
  });

  it('prints students × subjects with the period finals and year mark, and the director sign-off', async () => {
    const printed = await printYearSummary(mirror, {
      classId: klass,
      academicYearId: 1,
      language: 'ru',
      outDir: tempDir(),
      actor: deputy,
      clock: fixedClock('2026-05-30T08:00:00Z'),
    });
    const text = squash(pdfPagesText(printed.pdfPath).join(' '));
    const summary = loadYearSummary(mirror, klass, 1);
    expect(text).toContain('Итоговая ведомость');
    expect(text).toContain('Заверяю. Директор');
    expect(text).toContain('М.П.');
    for (const student of summary.students) expect(text).toContain(student.fullName);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(printed.xlsxPath);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const yearPeriod = summary.periods.find((p) => p.kind === 'year');
    const perSubject = summary.periods.length;
    const firstSubject = summary.subjects[0];
    const student = summary.students[0];
    const expected = summary.finals.find(
      (f) => f.studentId === student?.id && f.subjectId === firstSubject?.id && f.periodId === yearPeriod?.id,
    );
    const cell = sheet.getRow(5).getCell(2 + perSubject).value;
    expect(cellString(cell)).toBe(expected?.value);
    expect(sheet.getRow(3).getCell(3).value).toBe(firstSubject?.shortRu);
  });

  it('prints unchanged data as the recorded sheet again, and as a new sheet once the bytes differ', async () => {
    const options = { classId: klass, academicYearId: 1, language: 'ky' as const, actor: deputy };
    const first = await printYearSummary(mirror, {
      ...options,
      outDir: tempDir(),
      clock: fixedClock('2026-05-30T08:00:00Z'),
    });
    const again = await printYearSummary(mirror, {
      ...options,
      outDir: tempDir(),
      clock: fixedClock('2026-06-10T08:00:00Z'),
    });
    expect(again.reprint).toBe(true);
    expect(again.documentId).toBe(first.documentId);
    expect(fs.readFileSync(again.pdfPath).equals(fs.readFileSync(first.pdfPath))).toBe(true);
    expect(fs.readFileSync(again.xlsxPath).equals(fs.readFileSync(first.xlsxPath))).toBe(true);
    mirror.sqlite
      .prepare(`UPDATE document SET xlsx_sha256 = ? WHERE id = ?`)
      .run('0'.repeat(64), first.documentId);
    const renewed = await printYearSummary(mirror, {
      ...options,
      outDir: tempDir(),
      clock: fixedClock('2026-06-11T08:00:00Z'),
    });
    expect(renewed.reprint).toBe(false);
    expect(renewed.documentId).not.toBe(first.documentId);
    expect(renewed.supersededDocumentId).toBe(first.documentId);
  });
});
