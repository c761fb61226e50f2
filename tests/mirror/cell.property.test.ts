import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatJournalCell,
  NOT_ATTESTED,
  parseFinalCell,
  parseJournalCell,
  type JournalCell,
} from '../../src/core/mirror/workbook/cell';

const cellArb: fc.Arbitrary<JournalCell> = fc.record({
  marks: fc.array(fc.constantFrom('1', '2', '3', '4', '5', NOT_ATTESTED), { maxLength: 4 }),
  absence: fc.constantFrom(null, 'Н' as const, 'Б' as const, 'У' as const),
});

const known = new Set(['1', '2', '3', '4', '5', 'Н', 'Б', 'У', 'Н/А']);

describe('journal cell parser', () => {
  it('reads back every cell it writes', () => {
    fc.assert(
      fc.property(cellArb, (cell) => {
        expect(parseJournalCell(formatJournalCell(cell))).toEqual({ ok: true, cell });
      }),
    );
  });

  it('tolerates spaces and lower case around entries', () => {
    fc.assert(
      fc.property(cellArb, fc.constantFrom(' ', '  ', '\t'), (cell, space) => {
        const text = formatJournalCell(cell)
          .split('·')
          .map((t) => `${space}${t.toLowerCase()}${space}`)
          .join('·');
        expect(parseJournalCell(text)).toEqual({ ok: true, cell });
      }),
    );
  });

  it('never throws, and what it accepts has one normal form', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (text) => {
        const parsed = parseJournalCell(text);
        if (parsed.ok) expect(parseJournalCell(formatJournalCell(parsed.cell))).toEqual(parsed);
        else expect(parsed.found).toBe(text);
      }),
    );
  });

  it('refuses any entry it does not know instead of guessing', () => {
    const unknownToken = fc
      .string({ minLength: 1, maxLength: 4 })
      .filter((t) => !/[·•∙,]/.test(t) && t.trim() !== '' && !known.has(t.trim().toUpperCase()));
    fc.assert(
      fc.property(cellArb, unknownToken, (cell, token) => {
        const text = [formatJournalCell(cell), token].filter((t) => t !== '').join('·');
        expect(parseJournalCell(text).ok).toBe(false);
      }),
    );
  });

  it('refuses two absence codes in one cell', () => {
    fc.assert(
      fc.property(fc.constantFrom('Н', 'Б', 'У'), fc.constantFrom('Н', 'Б', 'У'), (a, b) => {
        expect(parseJournalCell(`${a}·${b}`).ok).toBe(false);
      }),
    );
  });

  it('reads quarter marks and refuses anything else', () => {
    expect(['5', ' 4 ', 'Н/А', 'н/а', 'осв.', 'Осв', ''].map(parseFinalCell)).toEqual([
      '5',
      '4',
      NOT_ATTESTED,
      NOT_ATTESTED,
      'осв',
      'осв',
      null,
    ]);
    fc.assert(
      fc.property(fc.integer({ min: 6, max: 99 }), (n) => {
        expect(parseFinalCell(String(n))).toBeUndefined();
      }),
    );
  });
});
