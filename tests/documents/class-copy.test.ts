import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock';
import { printClassCopy } from '../../src/core/documents';
import { buildClassCopy } from '../../src/core/documents/class-copy/build-class-copy';
import { fontMetrics } from '../../src/core/documents/fonts/metrics';
import { paginate } from '../../src/core/documents/layout/paginate';
import { loadClassJournal } from '../../src/core/journal/class-journal';
import { classId, quarterId, smallSchoolForBlock } from '../journal/small-school';
import { tempDir } from '../support/temp-dir';
import { deputy, secretary } from '../support/actors';
import { cellString, pdfPagesText, squash } from './helpers';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('class paper copy', () => {
  const school = smallSchoolForBlock(5, 'Б', 1);

  it('lists on its title page where every subject really starts and ends, and certifies as many sheets as the PDF has', async () => {
    const copy = await printClassCopy(school.mirror, {
      classId: school.classId,
      periodId: school.periodId,
      language: 'ky',
      outDir: tempDir(),
      actor: deputy,
      clock: fixedClock('2025-11-03T08:00:00Z'),
    });
    const pages = pdfPagesText(copy.pdfPath).map(squash);
    const journal = loadClassJournal(school.mirror, school.classId, school.periodId);
    const title = pages[0] ?? '';
    expect(title).toContain(`Бул көчүрмөдө ${pages.length} барак номерленди, тигилди жана мөөр басылды.`);
    expect(title).toContain('Катчы');
    for (const subject of journal.subjects) {
      // A subject's pages carry its name and teacher in their header; its grid comes first.
      const header = `${subject.nameKy}${subject.subgroup ? ` (${subject.subgroup.name})` : ''} — Предметтик мугалим`;
      const own = pages.flatMap((page, i) => (i > 0 && page.includes(header) ? [i + 1] : []));
      expect(own.length, header).toBeGreaterThan(0);
      const first = Math.min(...own);
      const last = Math.max(...own);
      expect(own).toEqual(Array.from({ length: last - first + 1 }, (_, i) => first + i));
      const range = first === last ? String(first) : `${first}–${last}`;
      expect(title, header).toMatch(new RegExp(`${escape(subject.nameKy)}.*? ${range}( |$)`));
    }
    const finalsPage = pages.findIndex((page) => page.includes('1-чейректин жыйынтыктоочу баалары')) + 1;
    expect(title).toMatch(new RegExp(`Жыйынтыктоочу баалар .*? ${finalsPage}( |$)`));
  });

  it('prints the title page, every subject, every student and "page n of N" with the id on every page', async () => {
    const outDir = tempDir();
    const copy = await printClassCopy(school.mirror, {
      classId: school.classId,
      periodId: school.periodId,
      language: 'ky',
      outDir,
      actor: deputy,
      clock: fixedClock('2025-11-03T08:00:00Z'),
    });
    const pages = pdfPagesText(copy.pdfPath);
    expect(pages).toHaveLength(copy.pages);
    pages.forEach((page, i) => {
      expect(page).toContain(`${i + 1}-бет, бардыгы ${copy.pages}`);
      expect(page).toContain(`${copy.documentId} · ${copy.dataFingerprint.slice(0, 12)}`);
    });
    const journal = loadClassJournal(school.mirror, school.classId, school.periodId);
    const title = squash(pages[0] ?? '');
    expect(title).toContain('Электрондук журналдын кагаз көчүрмөсү');
    expect(title).toContain('5Б класс · 1-чейрек');
    expect(title).toContain(journal.classTeacher?.fullName ?? 'missing');
    expect(title).toContain('Көчүрмөсү туура. Класс жетекчи');
    expect(title).toContain('М.О.');
    expect(title).toContain('Күбөлөндүрөм. Директор');
    expect(title).toContain('2025–2026-окуу жылы');
    const all = squash(pages.join(' '));
    for (const student of journal.students) expect(all).toContain(student.fullName);
    expect(all).toContain('чыкты 27.10.2025');
    for (const subject of journal.subjects) {
      expect(all).toContain(subject.nameKy);
      for (const lesson of subject.lessons) if (lesson.topic) expect(all).toContain(squash(lesson.topic));
    }
    expect(all).toContain('1-чейректин жыйынтыктоочу баалары');
    expect(all).toContain('Окуучулардын калтырган сабактары');
  });

  it('writes the same marks, averages and finals to the XLSX as the mirror holds', async () => {
    const outDir = tempDir();
    const copy = await printClassCopy(school.mirror, {
      classId: school.classId,
      periodId: school.periodId,
      language: 'ru',
      outDir,
      actor: deputy,
      clock: fixedClock('2025-11-03T08:00:00Z'),
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(copy.xlsxPath);
    const journal = loadClassJournal(school.mirror, school.classId, school.periodId);
    const subject = journal.subjects.find((s) => s.lessons.length > 0 && s.subgroup === null);
    if (!subject) throw new Error('no subject');
    const sheet = workbook.worksheets.find(
      (w) => w.name.startsWith(subject.shortRu) && w.name.includes('отметки'),
    );
    if (!sheet)
      throw new Error(
        `no sheet for ${subject.shortRu}: ${workbook.worksheets.map((w) => w.name).join(', ')}`,
      );
    const headerRow = 4;
    const lessonsCount = subject.lessons.length;
    expect(sheet.getRow(headerRow).getCell(3 + lessonsCount).value).toBe('Ср.');
    const mirrorCells = school.mirror.sqlite.prepare(
      `SELECT group_concat(value, '/') AS marks FROM (SELECT value FROM mark WHERE lesson_id = ? AND student_id = ? ORDER BY entered_at, id)`,
    );
    const absence = school.mirror.sqlite.prepare(
      `SELECT reason FROM attendance WHERE lesson_id = ? AND student_id = ? AND kind = 'absent'`,
    );
    const finals = school.mirror.sqlite.prepare(
      'SELECT value FROM period_final WHERE student_id = ? AND subject_id = ? AND period_id = ?',
    );
    let checked = 0;
    subject.studentIds.forEach((studentId, i) => {
      const row = sheet.getRow(headerRow + 1 + i);
      expect(row.getCell(1).value).toBe(i + 1);
      const student = journal.students.find((s) => s.id === studentId);
      expect(cellString(row.getCell(2).value)).toContain(student?.fullName ?? 'missing');
      subject.lessons.forEach((lesson, j) => {
        const marks = (mirrorCells.get(lesson.id, studentId) as { marks: string | null }).marks;
        const reason = (absence.get(lesson.id, studentId) as { reason: string } | undefined)?.reason;
        const expected = [marks, reason].filter((p) => p !== null && p !== undefined).join('/');
        const cell = row.getCell(3 + j).value;
        expect(cell === null ? '' : cell).toBe(expected);
        if (expected !== '') checked += 1;
      });
      const final = (
        finals.get(studentId, subject.subjectId, school.periodId) as { value: string } | undefined
      )?.value;
      const finalCell = row.getCell(4 + lessonsCount).value;
      expect(cellString(finalCell)).toBe(final);
      const average = subject.averages.find((a) => a.studentId === studentId)?.average ?? null;
      expect(row.getCell(3 + lessonsCount).value).toBe(average);
    });
    expect(checked).toBeGreaterThan(20);
  });

  it('prints unchanged data again byte for byte, and supersedes the copy when the data changes', async () => {
    const clock = fixedClock('2025-11-04T08:00:00Z');
    const first = await printClassCopy(school.mirror, {
      classId: school.classId,
      periodId: school.periodId,
      language: 'ky',
      outDir: tempDir(),
      actor: deputy,
      clock,
    });
    const later = fixedClock('2026-02-01T10:00:00Z');
    const again = await printClassCopy(school.mirror, {
      classId: school.classId,
      periodId: school.periodId,
      language: 'ky',
      outDir: tempDir(),
      actor: deputy,
      clock: later,
    });
    expect(again.reprint).toBe(true);
    expect(again.documentId).toBe(first.documentId);
    expect(again.sha256).toBe(first.sha256);
    expect(fs.readFileSync(again.pdfPath).equals(fs.readFileSync(first.pdfPath))).toBe(true);
    expect(fs.readFileSync(again.xlsxPath).equals(fs.readFileSync(first.xlsxPath))).toBe(true);
    const recorded = school.mirror.first(
      school.mirror.db.selectFrom('document').selectAll().where('id', '=', first.documentId),
    );
    expect(recorded?.sha256).toBe(first.sha256);
    expect(recorded?.xlsx_sha256).toBe(first.xlsxSha256);

    const mark = school.mirror.sqlite
      .prepare(
        `SELECT m.id FROM mark m JOIN lesson l ON l.id = m.lesson_id WHERE l.class_id = ? AND l.date <= '2025-10-31' AND m.value = '3' LIMIT 1`,
      )
      .get(school.classId) as { id: number };
    school.mirror.sqlite.prepare(`UPDATE mark SET value = '4', numeric_value = 4 WHERE id = ?`).run(mark.id);
    const changed = await printClassCopy(school.mirror, {
      classId: school.classId,
      periodId: school.periodId,
      language: 'ky',
      outDir: tempDir(),
      actor: deputy,
      clock: later,
    });
    expect(changed.reprint).toBe(false);
    expect(changed.documentId).not.toBe(first.documentId);
    expect(changed.supersededDocumentId).toBe(first.documentId);
    expect(changed.dataFingerprint).not.toBe(first.dataFingerprint);
    const old = school.mirror.first(
      school.mirror.db.selectFrom('document').select('superseded_by').where('id', '=', first.documentId),
    );
    expect(old?.superseded_by).toBe(changed.documentId);
    const audit = school.mirror.all(
      school.mirror.db
        .selectFrom('audit_log')
        .select(['action', 'entity_id'])
        .where('action', '=', 'document.print'),
    );
    expect(audit.map((a) => a.entity_id)).toEqual(
      expect.arrayContaining([first.documentId, changed.documentId]),
    );
  });

  it('prints the same data as a new copy when it no longer gives the recorded bytes, leaving the old files alone', async () => {
    const outDir = tempDir();
    const options = {
      classId: school.classId,
      periodId: quarterId(school.mirror, 3),
      language: 'ru' as const,
      outDir,
      actor: deputy,
    };
    const first = await printClassCopy(school.mirror, {
      ...options,
      clock: fixedClock('2026-03-25T08:00:00Z'),
    });
    const firstPdf = fs.readFileSync(first.pdfPath);
    // As if an earlier version of the app had laid the copy out differently.
    school.mirror.sqlite
      .prepare(`UPDATE document SET sha256 = ? WHERE id = ?`)
      .run('0'.repeat(64), first.documentId);
    const again = await printClassCopy(school.mirror, {
      ...options,
      clock: fixedClock('2026-04-01T08:00:00Z'),
    });
    expect(again.reprint).toBe(false);
    expect(again.dataFingerprint).toBe(first.dataFingerprint);
    expect(again.documentId).not.toBe(first.documentId);
    expect(again.supersededDocumentId).toBe(first.documentId);
    expect(again.createdAt).toBe('2026-04-01T08:00:00.000Z');
    const movedAside = path.join(outDir, 'superseded', path.basename(first.pdfPath));
    expect(fs.readFileSync(movedAside).equals(firstPdf)).toBe(true);
    const pages = pdfPagesText(again.pdfPath);
    expect(pages[0]).toContain(again.documentId);
    expect(squash(pages[0] ?? '')).toContain(
      `Настоящая копия заменяет копию ${first.documentId}. Причина: данные журнала не изменились`,
    );
    const recorded = school.mirror.first(
      school.mirror.db.selectFrom('document').selectAll().where('id', '=', again.documentId),
    );
    expect(recorded?.sha256).toBe(again.sha256);
  });

  it('refuses a role that may not print', async () => {
    await expect(
      printClassCopy(school.mirror, {
        classId: school.classId,
        periodId: school.periodId,
        outDir: tempDir(),
        actor: secretary,
        clock: fixedClock('2025-11-03T08:00:00Z'),
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('has a glyph in the embedded font for every character it prints, in both editions', () => {
    const journal = loadClassJournal(school.mirror, classId(school.mirror, 8, 'А'), school.periodId);
    for (const language of ['ky', 'ru'] as const) {
      const spec = buildClassCopy(journal, {
        id: 'X',
        fingerprint: '0'.repeat(64),
        language,
        createdAt: '2025-11-03T08:00:00.000Z',
      });
      const text = paginate(spec)
        .flatMap((p) => p.texts.map((t) => t.text))
        .join('');
      expect(fontMetrics().missingGlyphs(text)).toEqual([]);
      if (language === 'ky') for (const letter of 'ңөү') expect(text).toContain(letter);
    }
  });
});
