import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock';
import type { Mirror } from '../../src/core/db/mirror';
import { printYearSummary } from '../../src/core/documents';
import { buildYearSummary } from '../../src/core/documents/year-summary/build-year-summary';
import { printYearSummaries } from '../../src/core/documents/year-summary/print-year-summaries';
import { signOffYearSummaries } from '../../src/core/documents/year-summary/sign-off-year-summary';
import { paginate } from '../../src/core/documents/layout/paginate';
import { missingYearFinals } from '../../src/core/journal/year-summary-gaps';
import { loadYearSummary, yearCounts } from '../../src/core/journal/year-summary';
import { classId } from '../journal/small-school';
import { tempDir } from '../support/temp-dir';
import { deputy, director } from '../support/actors';
import { openSmallSchool } from '../support/schools';
import { cellString, giveMissingYearFinals, pdfPagesText, squash } from './helpers';

describe('year-end summary sheet', () => {
  let mirror: Mirror;
  let klass: number;
  beforeAll(() => {
    mirror = openSmallSchool();
    klass = classId(mirror, 8, 'А');
    giveMissingYearFinals(mirror);
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

describe('a summary sheet with finals missing', () => {
  let mirror: Mirror;
  let klass: number;
  let other: number;
  beforeAll(() => {
    mirror = openSmallSchool();
    klass = classId(mirror, 8, 'А');
    other = classId(mirror, 5, 'Б');
  });
  afterAll(() => {
    mirror.close();
  });
  const print = (options: { classIds: number[]; draftWhenIncomplete?: boolean; language: 'ky' | 'ru' }) =>
    printYearSummaries(mirror, {
      academicYearId: 1,
      outDir: tempDir(),
      actor: deputy,
      clock: fixedClock('2026-05-30T08:00:00Z'),
      ...options,
    });

  it('is refused before any sheet is printed, naming every class, subject and student missing', async () => {
    const missing = missingYearFinals(mirror, loadYearSummary(mirror, klass, 1));
    const otherMissing = missingYearFinals(mirror, loadYearSummary(mirror, other, 1));
    expect(missing.length).toBeGreaterThan(0);
    expect(otherMissing.length).toBeGreaterThan(0);
    const summary = loadYearSummary(mirror, klass, 1);
    const error = await print({ classIds: [other, klass], language: 'ky' }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({
      code: 'SUMMARY_FINALS_MISSING',
      details: { classes: '5Б, 8А', count: missing.length + otherMissing.length },
    });
    const text = (error as { details: { missing: string } }).details.missing;
    const first = missing[0];
    const subject = summary.subjects.find((s) => s.id === first?.subjectId);
    const student = summary.students.find((s) => s.id === first?.studentId);
    expect(text).toContain(`8А — `);
    expect(text).toMatch(new RegExp(`${subject?.nameKy ?? '?'}: [^;|]*${student?.fullName ?? '?'}`));
    const recorded = mirror.sqlite
      .prepare("SELECT count(*) FROM document WHERE kind = 'year_summary'")
      .pluck();
    expect(recorded.get()).toBe(0);
  });

  it('prints as a draft when asked: the word across every page, a note, no director or seal, recorded as a draft', async () => {
    const missing = missingYearFinals(mirror, loadYearSummary(mirror, klass, 1)).length;
    for (const [language, word, director, seal, note] of [
      [
        'ru',
        'ЧЕРНОВИК',
        'Заверяю. Директор',
        'М.П.',
        `Черновик: не выставлено итоговых отметок — ${missing}.`,
      ],
      [
        'ky',
        'ДОЛБООР',
        'Күбөлөндүрөм. Директор',
        'М.О.',
        `Долбоор: ${missing} жыйынтыктоочу баа коюла элек.`,
      ],
    ] as const) {
      const [sheet] = await print({ classIds: [klass], draftWhenIncomplete: true, language });
      expect(sheet?.missingFinals).toBe(missing);
      const pages = pdfPagesText(sheet?.pdfPath ?? '', { raw: true }).map(squash);
      for (const page of pages) expect(page).toContain(word);
      const all = pages.join(' ');
      expect(all).toContain(note);
      expect(all).not.toContain(director);
      expect(all).not.toContain(seal);
      const spec = buildYearSummary(loadYearSummary(mirror, klass, 1), {
        id: 'x',
        fingerprint: 'a'.repeat(64),
        language,
        createdAt: '2026-05-30T08:00:00.000Z',
        missingFinals: missing,
      });
      for (const page of paginate(spec)) expect(page.watermark?.text).toBe(word);
      const draft = mirror.sqlite
        .prepare('SELECT missing_finals FROM year_summary_draft WHERE document_id = ?')
        .pluck()
        .get(sheet?.documentId);
      expect(draft).toBe(missing);
    }
  });

  it('the director cannot sign a draft off; once the finals are given the sheet is certified and signed', async () => {
    const [draft] = await print({ classIds: [klass], draftWhenIncomplete: true, language: 'ky' });
    const refused = (() => {
      try {
        signOffYearSummaries(
          mirror,
          { documentIds: [draft?.documentId ?? ''], signedOn: '2026-05-30' },
          director,
          fixedClock('2026-05-30T09:00:00Z'),
        );
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toMatchObject({ code: 'SUMMARY_IS_DRAFT', details: { documentId: draft?.documentId } });
    giveMissingYearFinals(mirror);
    const [sheet] = await print({ classIds: [klass], language: 'ky' });
    expect(sheet?.missingFinals).toBe(0);
    expect(sheet?.supersededDocumentId).toBe(draft?.documentId);
    const text = squash(pdfPagesText(sheet?.pdfPath ?? '').join(' '));
    expect(text).toContain('Күбөлөндүрөм. Директор');
    expect(text).not.toContain('ДОЛБООР');
    signOffYearSummaries(
      mirror,
      { documentIds: [sheet?.documentId ?? ''], signedOn: '2026-05-30' },
      director,
      fixedClock('2026-05-30T09:00:00Z'),
    );
    expect(mirror.sqlite.prepare('SELECT count(*) FROM year_summary_signoff').pluck().get()).toBe(1);
  });
});

describe("each class's summary sheet in its language of instruction", () => {
  it('prints a Kyrgyz class in Kyrgyz and a Russian class in Russian, unless the deputy chooses one for all', async () => {
    const mirror = openSmallSchool();
    giveMissingYearFinals(mirror);
    const clock = fixedClock('2026-05-30T08:00:00Z');
    const print = (language?: 'ky' | 'ru') =>
      printYearSummaries(mirror, {
        academicYearId: 1,
        classIds: null,
        ...(language === undefined ? {} : { language }),
        outDir: tempDir(),
        actor: deputy,
        clock,
      });
    const titles = (sheets: Awaited<ReturnType<typeof print>>) =>
      Object.fromEntries(sheets.map((s) => [s.className, squash(pdfPagesText(s.pdfPath)[0] ?? '')]));

    const byClass = titles(await print());
    expect(byClass['8А']).toContain('Жыйынтык ведомость');
    expect(byClass['8А']).not.toContain('Итоговая ведомость');
    expect(byClass['5Б']).toContain('Итоговая ведомость');
    expect(byClass['5Б']).not.toContain('Жыйынтык ведомость');

    const allKyrgyz = titles(await print('ky'));
    expect(Object.keys(allKyrgyz).sort()).toEqual(['5Б', '8А']);
    for (const title of Object.values(allKyrgyz)) expect(title).toContain('Жыйынтык ведомость');
    mirror.close();
  });
});
