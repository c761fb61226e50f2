import { describe, expect, it } from 'vitest';
import { printedWords } from '../../src/core/documents/words';

/** Every string a catalog holds, its functions called with neutral sample arguments. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function')
    return strings((value as (...a: unknown[]) => unknown)('1', 'А', '01.06.2026'));
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object')
    // A column's alignment and weight are layout, not words.
    return Object.entries(value).flatMap(([key, v]) => (key === 'align' ? [] : strings(v)));
  return [];
}

describe('the printed words', () => {
  it.each(['ky', 'ru'] as const)('of the %s edition hold no English word and no empty one', (language) => {
    const words = strings(printedWords(language)).filter((w) => w !== '');
    expect(words.length).toBeGreaterThan(150);
    const english = words.filter((w) =>
      /[A-Za-z]{2,}/.test(w.replace('SHA-256', '').replace(/\{(name|n|N)\}/g, '')),
    );
    expect(english).toEqual([]);
  });

  it('write the certifications as a school writes them', () => {
    const ky = printedWords('ky').document;
    const ru = printedWords('ru').document;
    expect([ky.classCertification, ky.directorSignOff, ky.seal]).toEqual([
      'Көчүрмөсү туура. Класс жетекчи',
      'Күбөлөндүрөм. Директор',
      'М.О.',
    ]);
    expect([ru.directorSignOff, ru.seal]).toEqual(['Заверяю. Директор', 'М.П.']);
    expect(ky.finalsTitle('quarter', 1)).toBe('1-чейректин жыйынтыктоочу баалары');
    expect(ru.finalsTitle('quarter', 1)).toBe('Итоговые отметки за 1-ю четверть');
    expect(ky.schoolYear('2025-2026')).toBe('2025–2026-окуу жылы');
    expect(printedWords('ky').registers.inventoryPages(988)).toBe('Бардыгы 988 барак');
  });
});
