import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { closeBoard } from '../../src/core/app/read/close';
import { fixedClock } from '../../src/core/clock';
import { printSignatureSheet, subjectNamesIn } from '../../src/core/app/read/signature-sheet';
import { recordSubjectSignature, recordTitleCertification } from '../../src/core/close';
import { deputy } from '../support/actors';
import { tempDir } from '../support/temp-dir';
import { clock, confirmAllTeachers, recordDay2, startedQuarterClose } from './close-helpers';

/** The tracker's lines as the page lays them out, with their spacing squeezed. */
function pdfLines(file: string): string[] {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
}

describe('the printed signature tracker', () => {
  it('gives each teacher of a split subject a line of their own, classes in school order, the certified title page', async () => {
    const { school, closeId } = startedQuarterClose();
    const { mirror } = school;
    confirmAllTeachers(school, closeId);
    recordDay2(school, closeId);
    const later = fixedClock('2025-11-06T08:00:00Z');
    const sign = (teacherId: number, classId: number, signedOn: string) =>
      recordSubjectSignature(mirror, { closeId, classId, teacherId, signedOn }, deputy, later);
    // English in 5А is taught in two subgroups: Петрова signs hers, and Үсөнов's line stays open.
    expect(sign(school.teacher.t2, school.class5, '2025-11-04')).toBe(1);
    const english = () =>
      closeBoard(mirror, closeId)
        .items.filter((i) => i.kind === 'subject_signature' && i.subjectName === 'Англис тили')
        .map((i) => [i.teacherName, i.status, i.signedOn]);
    expect(english()).toEqual([
      ['Петрова Ольга', 'done', '2025-11-04'],
      ['Үсөнов Бакыт', 'open', null],
    ]);
    sign(school.teacher.t3, school.class5, '2025-11-05');
    sign(school.teacher.t1, school.class5, '2025-11-05');
    sign(school.teacher.t1, school.class10, '2025-11-05');
    expect(english()).toEqual([
      ['Петрова Ольга', 'done', '2025-11-04'],
      ['Үсөнов Бакыт', 'done', '2025-11-05'],
    ]);
    recordTitleCertification(
      mirror,
      { closeId, classId: school.class5, signedOn: '2025-11-05' },
      deputy,
      later,
    );
    const board = closeBoard(mirror, closeId);

    const printed: Record<string, string[]> = {};
    for (const language of ['ky', 'ru'] as const) {
      const sheet = await printSignatureSheet(
        board,
        {
          language,
          teacherId: null,
          outstandingOnly: false,
          schoolName: '№ 1 мектеп',
          deputyName: 'Токтогулова Чолпон',
          createdAt: clock().toISOString(),
          subjectNames: subjectNamesIn(mirror, language),
        },
        tempDir(),
      );
      printed[language] = pdfLines(sheet.pdfPath);
    }
    const rowsOf = (lines: string[]) => lines.filter((line) => /^\d+ \S+ \S+ (5А|10А) /.test(line));
    expect(rowsOf(printed.ky ?? [])).toEqual([
      '1 Асанова Гүлзат 5А Математика кол коюлду 05.11.2025',
      '2 Асанова Гүлзат 10А Титулдук барак күтүүдө',
      '3 Асанова Гүлзат 10А Математика кол коюлду 05.11.2025',
      '4 Жумабеков Нурлан 5А Титулдук барак күбөлөндүрүлдү 05.11.2025',
      '5 Петрова Ольга 5А Англис тили кол коюлду 04.11.2025',
      '6 Үсөнов Бакыт 5А Англис тили кол коюлду 05.11.2025',
    ]);
    expect(rowsOf(printed.ru ?? [])).toEqual([
      '1 Асанова Гүлзат 5А Математика подписано 05.11.2025',
      '2 Асанова Гүлзат 10А Титульный лист ожидается',
      '3 Асанова Гүлзат 10А Математика подписано 05.11.2025',
      '4 Жумабеков Нурлан 5А Титульный лист заверено 05.11.2025',
      '5 Петрова Ольга 5А Английский язык подписано 04.11.2025',
      '6 Үсөнов Бакыт 5А Английский язык подписано 05.11.2025',
    ]);
  });
});
