import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentSpec } from '../../src/core/documents/layout/model';
import { writePdf } from '../../src/core/documents/write-document';
import { tempDir } from '../support/temp-dir';
import { pdfPagesText } from './helpers';

/** Renders one page to 8-bit greyscale pixels with poppler (PGM: a short header, then one byte per pixel). */
function renderGrey(pdf: string, page: number): Buffer {
  const prefix = path.join(path.dirname(pdf), `page-${page}`);
  execFileSync('pdftoppm', [
    '-gray',
    '-r',
    '40',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    pdf,
    prefix,
  ]);
  const bytes = fs.readFileSync(`${prefix}.pgm`);
  let newlines = 0;
  let offset = 0;
  while (newlines < 3) if (bytes[offset++] === 0x0a) newlines++;
  return bytes.subarray(offset);
}

const letters = ['Ң', 'ң', 'Ө', 'ө', 'Ү', 'ү', 'Ж', 'ж', 'Ы', 'ы', 'Ё', '№'];
/** A private-use character no font has: it draws the font's "missing glyph" box. */
const missing = '\uE000';

function glyphSpec(): DocumentSpec {
  return {
    id: 'GLYPHS',
    shortHash: '000000000000',
    title: 'glyphs',
    language: 'ky',
    createdAt: '2025-11-03T08:00:00.000Z',
    pageLabel: ' ',
    sections: [...letters, missing].map((letter) => ({
      sheetName: letter,
      orientation: 'portrait',
      pageHeader: [],
      blocks: [{ kind: 'text', text: letter, size: 120, bold: false }],
    })),
  };
}

describe('Kyrgyz letters on rendered pages', () => {
  it('draws every Kyrgyz letter as ink that differs from the missing-glyph box', async () => {
    const dir = tempDir();
    const pdf = await writePdf(glyphSpec(), path.join(dir, 'glyphs.pdf'));
    const missingBox = renderGrey(pdf.path, letters.length + 1);
    const pages = pdfPagesText(pdf.path);
    letters.forEach((letter, i) => {
      const pixels = renderGrey(pdf.path, i + 1);
      const ink = pixels.filter((p) => p < 128).length;
      expect(ink, `${letter} left no ink`).toBeGreaterThan(50);
      expect(pixels.equals(missingBox), `${letter} printed as a missing glyph`).toBe(false);
      expect(pages[i]).toContain(letter);
    });
  });
});
