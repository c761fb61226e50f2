import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncTeacherCorrection } from '../../src/cli/demo-correction';
import { runCli } from '../../src/cli/run-cli';
import { fixedClock } from '../../src/core/clock';
import { printClassCopy } from '../../src/core/documents';
import { buildClassCopy } from '../../src/core/documents/class-copy/build-class-copy';
import { paginate } from '../../src/core/documents/layout/paginate';
import { checkCopy } from '../../src/core/documents/records/check-copy';
import { loadClassJournal } from '../../src/core/journal/class-journal';
import { addArchiveEntry } from '../../src/core/registers/archive-register';
import { captureIo } from '../cli/capture-io';
import { quarterId, smallSchoolForBlock } from '../journal/small-school';
import { deputy, secretary } from '../support/actors';
import { tempDir } from '../support/temp-dir';
import { pdfPagesText } from './helpers';

/** What a barcode scanner types for `text` while the PC's keyboard is switched to Russian. */
function typedOnRussianKeyboard(text: string): string {
  const latin = "qwertyuiop[]asdfghjkl;'zxcvbnm,.";
  const russian = 'йцукенгшщзхъфывапролджэячсмитьбю';
  return text.replace(/[a-z[\];',.]/gi, (c) => russian[latin.indexOf(c.toLowerCase())] ?? c);
}

describe('a paper page checked against the archive', () => {
  const school = smallSchoolForBlock(8, 'А', 1);

  it('names the copy and page of a printed code, current, then superseded after a re-print, and where it is filed', async () => {
    const { mirror } = school;
    const outDir = tempDir();
    const print = (at: string) =>
      printClassCopy(mirror, {
        classId: school.classId,
        periodId: school.periodId,
        language: 'ky',
        outDir,
        actor: deputy,
        clock: fixedClock(at),
      });
    const first = await print('2025-11-04T06:00:00Z');
    // The code as the footer of page 3 prints it, read back from the PDF, with the page typed after it.
    const footer = pdfPagesText(first.pdfPath)[2]?.match(/Q1-\S+ · [0-9a-f]{12}/)?.[0];
    expect(footer).toBe(`${first.documentId} · ${first.dataFingerprint.slice(0, 12)}`);
    const typed = checkCopy(mirror, `${footer ?? ''} 3`);
    expect(typed).toMatchObject({
      documentId: first.documentId,
      kind: 'class_copy',
      className: '8А',
      period: { kind: 'quarter', number: 1 },
      academicYear: '2025-2026',
      page: 3,
      pages: first.pages,
      status: 'current',
      supersededBy: null,
      currentId: first.documentId,
      printedAt: '2025-11-04T06:00:00.000Z',
      changesSincePrint: 0,
      archive: null,
    });

    // The QR code of page 5 as the PDF draws it, scanned while the keyboard is set to Russian.
    const journal = loadClassJournal(mirror, school.classId, school.periodId);
    const pages = paginate(
      buildClassCopy(journal, {
        id: first.documentId,
        fingerprint: first.dataFingerprint,
        language: 'ky',
        createdAt: first.createdAt,
        dataAsOf: typed.dataAsOf,
      }),
    );
    const qr = pages[4]?.qr?.text ?? '';
    expect(qr).toBe(`${first.documentId}|${first.dataFingerprint.slice(0, 12)}|5`);
    expect(checkCopy(mirror, typedOnRussianKeyboard(qr))).toMatchObject({
      documentId: first.documentId,
      page: 5,
    });

    const period = mirror.first(
      mirror.db.selectFrom('reporting_period').selectAll().where('id', '=', quarterId(mirror, 1)),
    );
    syncTeacherCorrection(
      mirror,
      {
        classId: school.classId,
        from: period?.starts_on ?? '',
        to: period?.ends_on ?? '',
        changedAt: '2025-11-05T04:00:00Z',
      },
      deputy,
      fixedClock('2025-11-05T05:00:00Z'),
    );
    expect(checkCopy(mirror, qr)).toMatchObject({ status: 'current', changesSincePrint: 1 });

    const second = await print('2025-11-06T06:00:00Z');
    expect(checkCopy(mirror, qr)).toMatchObject({
      documentId: first.documentId,
      status: 'superseded',
      supersededBy: second.documentId,
      currentId: second.documentId,
    });
    addArchiveEntry(mirror, {
      actor: secretary,
      clock: fixedClock('2025-11-10T06:00:00Z'),
      classId: school.classId,
      periodId: school.periodId,
      documentTitle: 'Электрондук журналдын кагаз көчүрмөсү',
      documentRef: second.documentId,
      pages: second.pages,
      receivedOn: '2025-11-10',
      handedOverBy: deputy.name,
      receivedBy: secretary.name,
      folderNumber: '1',
      storagePlace: 'Архив, 2-шкаф',
      retentionUntil: '2031-06-01',
    });
    const renewed = checkCopy(mirror, `${second.documentId} · ${second.dataFingerprint.slice(0, 12)}`);
    expect(renewed).toMatchObject({
      status: 'current',
      page: null,
      changesSincePrint: 0,
      archive: { year: 2025, number: 1, folderNumber: '1', storagePlace: 'Архив, 2-шкаф', stitched: false },
    });

    const io = captureIo();
    expect(await runCli(['check-copy', '--db', mirror.path, qr], io)).toBe(0);
    expect(io.stdout[0]).toBe(
      `${first.documentId}, page 5 of ${first.pages}: class journal copy of class 8А, quarter 1, 2025-2026 (Kyrgyz edition)`,
    );
    expect(io.stdout[1]).toBe(`Status:   superseded by ${second.documentId}`);
    expect(io.stdout[3]).toBe('Changes:  1 journal entry changed since printing');
    expect(io.stdout[4]).toBe('Archive:  not in the archive register yet');
  });

  it("refuses a code no copy has, a fingerprint that is not the copy's and a page it does not have", async () => {
    const { mirror } = school;
    const copy = await printClassCopy(mirror, {
      classId: school.classId,
      periodId: quarterId(mirror, 2),
      language: 'ru',
      outDir: tempDir(),
      actor: deputy,
      clock: fixedClock('2026-01-10T06:00:00Z'),
    });
    const hash = copy.dataFingerprint.slice(0, 12);
    expect(() => checkCopy(mirror, 'Q9-2025-8А-ky-00000000')).toThrow(
      expect.objectContaining({ code: 'COPY_CODE_UNKNOWN' }),
    );
    expect(() => checkCopy(mirror, 'hello world')).toThrow(
      expect.objectContaining({ code: 'COPY_CODE_UNKNOWN' }),
    );
    expect(() => checkCopy(mirror, `${copy.documentId}|000000000000|1`)).toThrow(
      expect.objectContaining({ code: 'COPY_CODE_MISMATCH' }),
    );
    expect(() => checkCopy(mirror, `${copy.documentId}|${hash}|${copy.pages + 1}`)).toThrow(
      expect.objectContaining({ code: 'COPY_CODE_MISMATCH' }),
    );
    const io = captureIo();
    expect(
      await runCli(['check-copy', '--db', path.resolve(mirror.path), 'Q9-2025-8А-ky-00000000'], io),
    ).toBe(1);
    expect(io.stderr.join('\n')).toContain('No printed copy has the code "Q9-2025-8А-ky-00000000"');
  });
});
