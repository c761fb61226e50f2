import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncTeacherCorrection } from '../../src/cli/demo-correction';
import { fixedClock } from '../../src/core/clock';
import { printSchool } from '../../src/core/documents';
import { readRecordedPdf } from '../../src/core/documents/records/recorded-pdf';
import { sha256Hex } from '../../src/core/documents/short-hash';
import { classId, quarterId, smallSchoolForBlock } from '../journal/small-school';
import { deputy } from '../support/actors';
import { tempDir } from '../support/temp-dir';
import { pdfPagesText, squash } from './helpers';

/** Every file under a folder, by its path relative to the folder, with its SHA-256. */
function filesIn(folder: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else found.set(path.relative(folder, full), sha256Hex(fs.readFileSync(full)));
    }
  };
  walk(folder);
  return found;
}

describe('re-printing for the archive', () => {
  const school = smallSchoolForBlock(8, 'А', 1);

  it('keeps every earlier file, moves the replaced copy aside with a note, and says on the new title page what it replaces and why', async () => {
    const { mirror } = school;
    const outDir = tempDir();
    const classIds = [school.classId, classId(mirror, 5, 'Б')];
    const print = (at: string) =>
      printSchool(mirror, {
        periodId: school.periodId,
        classIds,
        language: 'ky',
        outDir,
        actor: deputy,
        clock: fixedClock(at),
        workers: 0,
      });
    const first = await print('2025-11-04T06:00:00Z');
    expect(path.basename(first.mergedPdfPath)).toBe('Q1-ky-school-1.pdf');
    const before = filesIn(outDir);
    const old = first.documents.find((d) => d.classId === school.classId);
    if (!old) throw new Error('8А was not printed');
    expect(squash(pdfPagesText(old.pdfPath, { layout: true })[0] ?? '')).toContain(
      'Басылган күнү 04.11.2025, 12:00',
    );

    const period = mirror.first(
      mirror.db.selectFrom('reporting_period').selectAll().where('id', '=', quarterId(mirror, 1)),
    );
    if (!period) throw new Error('no quarter 1');
    const corrected = syncTeacherCorrection(
      mirror,
      {
        classId: school.classId,
        from: period.starts_on,
        to: period.ends_on,
        changedAt: '2025-11-05T04:00:00Z',
      },
      deputy,
      fixedClock('2025-11-05T05:00:00Z'),
    );
    const subject = mirror.sqlite
      .prepare(
        'SELECT s.name_ky FROM mark m JOIN lesson l ON l.id = m.lesson_id JOIN subject s ON s.id = l.subject_id WHERE m.id = ?',
      )
      .pluck()
      .get(corrected.markId) as string;

    const second = await print('2025-11-06T06:00:00Z');
    expect(path.basename(second.mergedPdfPath)).toBe('Q1-ky-school-2.pdf');
    const after = filesIn(outDir);
    const movedAside = (file: string) => path.join('superseded', path.basename(file));
    for (const [file, hash] of before) {
      const now = after.get(file) ?? after.get(movedAside(file));
      expect(now, file).toBe(hash);
    }
    // Only the replaced copy moved; the class that did not change and the first merged file stayed.
    expect([...before.keys()].filter((file) => !after.has(file)).sort()).toEqual(
      [path.basename(old.pdfPath), path.basename(old.xlsxPath)].sort(),
    );
    const renewed = second.documents.find((d) => d.classId === school.classId);
    expect(renewed?.supersededDocumentId).toBe(old.documentId);
    if (!renewed) throw new Error('8А was not printed again');

    const note = fs.readFileSync(path.join(outDir, 'superseded', `${old.documentId}.superseded.txt`), 'utf8');
    expect(note).toContain('АЛМАШТЫРЫЛДЫ');
    expect(squash(note)).toContain(
      `${old.documentId} көчүрмөсү 06.11.2025, 12:00 басылган ${renewed.documentId} көчүрмөсү менен алмаштырылды.`,
    );
    expect(squash(note)).toContain(`${subject}: 1 баа`);
    // The record follows its files: the replaced copy is still shown exactly as printed.
    expect(
      readRecordedPdf(mirror, old.documentId).bytes.equals(
        fs.readFileSync(path.join(outDir, movedAside(old.pdfPath))),
      ),
    ).toBe(true);

    const title = squash(pdfPagesText(renewed.pdfPath, { layout: true })[0] ?? '');
    expect(title).toContain(`Бул көчүрмө ${old.documentId} көчүрмөсүнүн ордуна басылды.`);
    expect(title).toContain(`Себеби: ал басылгандан кийин журналда өзгөртүүлөр болду — ${subject}: 1 баа.`);
    expect(title).toContain('Басылган күнү 06.11.2025, 12:00');
    expect(title).toContain('Журналдын маалыматтары 05.11.2025, 11:00 абалы боюнча');

    // The same data printed again a day later is the same paper: no new file, nothing moved.
    const third = await print('2025-11-07T06:00:00Z');
    expect(third.mergedPdfPath).toBe(second.mergedPdfPath);
    expect(filesIn(outDir)).toEqual(after);
  });

  it("keeps a file someone changed under a printed copy's name, and says so instead of overwriting it", async () => {
    const { mirror } = school;
    const outDir = tempDir();
    const options = {
      periodId: quarterId(mirror, 2),
      classIds: [school.classId],
      language: 'ru' as const,
      outDir,
      actor: deputy,
      workers: 0,
    };
    const first = await printSchool(mirror, { ...options, clock: fixedClock('2026-01-10T06:00:00Z') });
    const copy = first.documents[0];
    if (!copy) throw new Error('nothing printed');
    fs.appendFileSync(copy.xlsxPath, 'edited');
    const edited = fs.readFileSync(copy.xlsxPath);
    await expect(
      printSchool(mirror, { ...options, clock: fixedClock('2026-01-11T06:00:00Z') }),
    ).rejects.toMatchObject({ code: 'DOCUMENT_FILE_CHANGED' });
    expect(fs.readFileSync(copy.xlsxPath).equals(edited)).toBe(true);
  });
});
