import { describe, expect, it } from 'vitest';
import { countedNoun } from '../../src/core/documents/words/counted-noun';
import { printedWords } from '../../src/core/documents/words';

describe('a number with its noun', () => {
  it('agrees the Russian noun with the number, and leaves the Kyrgyz one as it is', () => {
    const { sheetNoun } = printedWords('ru').document;
    const cases: [number, string][] = [
      [1, '1 лист'],
      [21, '21 лист'],
      [101, '101 лист'],
      [2, '2 листа'],
      [43, '43 листа'],
      [104, '104 листа'],
      [5, '5 листов'],
      [11, '11 листов'],
      [12, '12 листов'],
      [14, '14 листов'],
      [45, '45 листов'],
      [111, '111 листов'],
      [0, '0 листов'],
    ];
    for (const [count, written] of cases) expect(countedNoun(count, sheetNoun)).toBe(written);
    for (const count of [1, 3, 43, 45]) {
      expect(countedNoun(count, printedWords('ky').document.sheetNoun)).toBe(`${count} барак`);
    }
    expect(printedWords('ru').checklist.findings(3)).toBe('3 замечания');
    expect(printedWords('ru').checklist.findings(21)).toBe('21 замечание');
  });
});
