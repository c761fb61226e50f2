import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildClassCopy } from '../../src/core/documents/class-copy/build-class-copy';
import { fontMetrics } from '../../src/core/documents/fonts/metrics';
import { fitText } from '../../src/core/documents/layout/fit-text';
import { columnChunks } from '../../src/core/documents/layout/column-chunks';
import { paginate } from '../../src/core/documents/layout/paginate';
import type { Page } from '../../src/core/documents/layout/page';
import { writePdf, writeXlsx } from '../../src/core/documents/write-document';
import { tempDir } from '../support/temp-dir';
import { overflowJournal } from './overflow-journal';
import { pdfPagesText, squash } from './helpers';
import path from 'node:path';

const metrics = fontMetrics();
const spec = () =>
  buildClassCopy(overflowJournal(), {
    id: 'Q1-2025-11Ө-ky-test',
    fingerprint: 'a'.repeat(64),
    language: 'ky',
    createdAt: '2025-11-03T08:00:00.000Z',
  });

/** The cell text pieces laid out one after the other, joined back (a wrapped name is several lines). */
function pageText(page: Page): string {
  return page.texts.map((t) => t.text).join(' ');
}

describe('fitting text', () => {
  it('keeps text that fits, shrinks a slightly long line, wraps a long one within the width', () => {
    expect(fitText(metrics, '5', 12, 8, 6, 'regular')).toEqual({ size: 8, lines: ['5'] });
    const name = 'Өмүрзаков Үсөнбек Жаңыбаевич';
    const width = metrics.width(name, 8, 'regular') * 0.9;
    const shrunk = fitText(metrics, name, width, 8, 6, 'regular');
    expect(shrunk.lines).toEqual([name]);
    expect(shrunk.size).toBeLessThan(8);
    expect(metrics.width(name, shrunk.size, 'regular')).toBeLessThanOrEqual(width);
    const topic = 'Кыргыз тилиндеги үндүүлөрдүн үндөшүү мыйзамы жана анын түрлөрү '.repeat(4);
    const wrapped = fitText(metrics, topic, 150, 8, 7, 'regular');
    expect(wrapped.lines.length).toBeGreaterThan(3);
    for (const line of wrapped.lines) expect(metrics.width(line, 8, 'regular')).toBeLessThanOrEqual(150);
    expect(squash(wrapped.lines.join(' '))).toBe(squash(topic));
    const folder = fitText(metrics, '2025-2026, 1-чейрек', 36, 8, 6, 'regular');
    expect(folder.size).toBeLessThan(8);
    expect(folder.lines).toEqual(['2025-2026,', '1-чейрек']);
    for (const line of folder.lines)
      expect(metrics.width(line, folder.size, 'regular')).toBeLessThanOrEqual(36);
    const word = 'Ң'.repeat(80);
    const broken = fitText(metrics, word, 40, 8, 8, 'regular');
    expect(broken.lines.join('')).toBe(word);
    for (const line of broken.lines) expect(metrics.width(line, 8, 'regular')).toBeLessThanOrEqual(40);
  });

  it('splits wide tables into page-wide chunks that repeat the key columns', () => {
    const columns = [
      { header: '№', width: 16, repeat: true },
      { header: 'Name', width: 130, repeat: true },
      ...Array.from({ length: 70 }, (_, i) => ({ header: String(i), width: 15 })),
    ];
    const chunks = columnChunks(columns, 780);
    expect(chunks.length).toBe(2);
    for (const chunk of chunks) {
      expect(chunk[0]?.column.header).toBe('№');
      expect(chunk[1]?.column.header).toBe('Name');
      const last = chunk.at(-1);
      expect((last?.x ?? 0) + (last?.width ?? 0)).toBeLessThanOrEqual(780);
    }
    expect(chunks.flatMap((c) => c.slice(2).map((p) => p.column.header))).toEqual(
      columns.slice(2).map((c) => c.header),
    );
  });

  it('makes the chunks about equally wide and keeps a subject with its quarters on one page', () => {
    const key = [
      { header: '№', width: 16, repeat: true },
      { header: 'Name', width: 130, repeat: true },
    ];
    const plain = [...key, ...Array.from({ length: 70 }, (_, i) => ({ header: String(i), width: 15 }))];
    expect(columnChunks(plain, 780).map((c) => c.length - 2)).toEqual([35, 35]);
    const subjects = Array.from({ length: 20 }, (_, s) =>
      ['I', 'II', 'III', 'IV', 'Y'].map((header) => ({ header, width: 20, group: `S${s}` })),
    );
    // Filled greedily, six subjects fit a page and the last page would hold two.
    const chunks = columnChunks([...key, ...subjects.flat()], 780);
    expect(chunks.map((c) => (c.length - 2) / 5)).toEqual([5, 5, 5, 5]);
    for (const chunk of chunks) {
      const groups = chunk.slice(2).map((p) => p.column.group);
      for (const group of new Set(groups)) expect(groups.filter((g) => g === group)).toHaveLength(5);
    }
  });
});

describe('the layout never overflows', () => {
  it('places every piece of text inside its page, with all 45 names, 70 lessons and long topics', () => {
    const pages = paginate(spec());
    for (const page of pages) {
      for (const text of page.texts) {
        const width = metrics.width(text.text, text.size, text.bold ? 'bold' : 'regular');
        expect(text.x).toBeGreaterThanOrEqual(20);
        expect(text.x + width).toBeLessThanOrEqual(page.width - 20);
        expect(text.y).toBeGreaterThan(0);
        expect(text.y).toBeLessThanOrEqual(page.height - 10);
        expect(text.size).toBeGreaterThanOrEqual(5.5);
      }
      for (const line of page.lines) {
        expect(Math.max(line.x1, line.x2)).toBeLessThanOrEqual(page.width - 20);
        expect(Math.max(line.y1, line.y2)).toBeLessThanOrEqual(page.height - 10);
      }
    }
    const journal = overflowJournal();
    const grid = pages.filter((p) => p.sectionIndex === 1);
    expect(grid.length).toBeGreaterThanOrEqual(2);
    for (const page of grid) expect(page.width).toBeGreaterThan(page.height);
    const gridText = squash(grid.map(pageText).join(' '));
    for (const student of journal.students) expect(gridText).toContain(squash(student.fullName));
    const lastLesson = journal.subjects[0]?.lessons.at(-1);
    expect(
      grid.some((page) => page.texts.some((t) => t.text === String(Number(lastLesson?.date.slice(8, 10))))),
    ).toBe(true);
    const lessonPages = pages.filter((p) => p.sectionIndex === 2);
    expect(lessonPages.length).toBeGreaterThan(1);
    const lessonText = squash(lessonPages.map(pageText).join(' '));
    for (const lesson of journal.subjects[0]?.lessons ?? [])
      expect(lessonText).toContain(squash(lesson.topic ?? ''));
    const labels = pages.map((p) => p.texts.find((t) => t.text.includes('-бет, бардыгы'))?.text);
    expect(labels).toEqual(pages.map((_, i) => `${i + 1}-бет, бардыгы ${pages.length}`));
    pages.forEach((page, i) => {
      expect(page.qr?.text).toBe(`Q1-2025-11Ө-ky-test|aaaaaaaaaaaa|${i + 1}`);
    });
  });

  it('prints a long teacher signature line and a long name on a signature line whole, inside the page, wrapped rather than set under 6.5 pt', () => {
    const teachers = Array.from({ length: 12 }, (_, i) => `Өмүрбекова${i} Ү. Ж.`).join(', ');
    const longName = 'Кененсарыулуу-Ңурманбетова Үмүтай Жаңыбаевна Өмүрзакова'.padEnd(60, 'ң');
    const pages = paginate({
      id: 'LONG',
      shortHash: '000000000000',
      title: 'long',
      language: 'ky',
      createdAt: '2025-11-03T08:00:00.000Z',
      pageLabel: '{n}/{N}',
      sections: [
        {
          sheetName: 'x',
          orientation: 'portrait',
          pageHeader: [],
          pageSignature: `Мугалим: ________ / ${teachers} /   Күнү: «___» ________ 20___`,
          blocks: [
            {
              kind: 'signatures',
              size: 10,
              captions: { signature: '(колу)', name: '(аты-жөнү)', date: '(күнү)' },
              signatures: [{ role: 'Директор', name: longName, withDate: true }],
            },
          ],
        },
      ],
    });
    const texts = pages[0]?.texts ?? [];
    const all = texts.map((t) => t.text).join(' ');
    expect(all).toContain(teachers.split(', ').slice(0, 3).join(', '));
    for (const teacher of teachers.split(', ')) expect(all).toContain(teacher);
    expect(squash(all)).toContain(squash(longName));
    for (const text of texts) {
      expect(text.size).toBeGreaterThanOrEqual(6.5);
      const width = metrics.width(text.text, text.size, text.bold ? 'bold' : 'regular');
      expect(text.x + width).toBeLessThanOrEqual((pages[0]?.width ?? 0) - 20);
    }
  });

  it('renders the overflow class to a PDF whose text and XLSX cells match, with formula-looking names escaped', async () => {
    const dir = tempDir();
    const document = spec();
    const pdf = await writePdf(document, path.join(dir, 'copy.pdf'));
    const text = squash(pdfPagesText(pdf.path).join(' '));
    for (const lesson of overflowJournal().subjects[0]?.lessons ?? [])
      expect(text).toContain(`Тема ${lesson.id}:`);
    const xlsx = await writeXlsx(document, path.join(dir, 'copy.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx.path);
    const grid = workbook.worksheets[1];
    if (!grid) throw new Error('no grid sheet');
    const students = overflowJournal().students;
    expect(grid.getRow(5).getCell(2).value).toBe(`'${students[0]?.fullName ?? ''}`);
    expect(grid.getRow(6).getCell(2).value).toBe(students[1]?.fullName);
    expect(grid.getRow(4).getCell(3 + 70).value).toBe('Орт.');
    expect(grid.getRow(5 + 44).getCell(1).value).toBe(45);
  });

  it('never leaves a signature alone on a page: the last rows of its table go along', () => {
    const signature = 'Класс жетекчи';
    for (let count = 30; count <= 90; count++) {
      const pages = paginate({
        id: 'KEEP',
        shortHash: '000000000000',
        title: 'keep',
        language: 'ky',
        createdAt: '2025-11-03T08:00:00.000Z',
        pageLabel: '{n}/{N}',
        sections: [
          {
            sheetName: 'x',
            orientation: 'portrait',
            pageHeader: ['header'],
            blocks: [
              {
                kind: 'table',
                fontSize: 8,
                columns: [
                  { header: '№', width: 20 },
                  { header: 'Аты-жөнү', width: 200, grow: 1 },
                ],
                rows: Array.from({ length: count }, (_, i) => [
                  { value: i + 1 },
                  { value: `Окуучу ${i + 1}` },
                ]),
              },
              { kind: 'space', height: 10 },
              {
                kind: 'signatures',
                size: 9,
                captions: { signature: '(колу)', name: '(аты-жөнү)', date: '(күнү)' },
                signatures: [{ role: signature, name: 'Ким В. Т.', withDate: true }],
              },
            ],
          },
        ],
      });
      const signed = pages.find((p) => p.texts.some((t) => t.text === signature));
      const rowsThere = signed?.texts.filter((t) => t.text.startsWith('Окуучу ')).length ?? 0;
      expect(rowsThere, `${count} rows`).toBeGreaterThanOrEqual(2);
      expect(pages.flatMap((p) => p.texts).filter((t) => t.text.startsWith('Окуучу '))).toHaveLength(count);
    }
  });
});
