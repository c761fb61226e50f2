import { printedWords } from '../documents/words';
import type { ReportWords } from '../documents/words/report-words';
import type { Localized } from './report-types';
import { enReportWords } from './report-words-en';

/** A catalog's shape with every word in the three languages a report carries. */
export type LocalizedWords<T> = T extends string
  ? Localized
  : T extends (...args: infer A) => string
    ? (...args: A) => Localized
    : { readonly [K in keyof T]: LocalizedWords<T[K]> };

/** Puts the three editions of the same words side by side, word by word. */
function sideBySide<T>(ky: T, ru: T, en: T): LocalizedWords<T> {
  if (typeof ky === 'string') return { ky, ru, en } as unknown as LocalizedWords<T>;
  if (typeof ky === 'function') {
    const each = [ky, ru, en] as unknown as ((...args: unknown[]) => string)[];
    return ((...args: unknown[]) => {
      const [inKy, inRu, inEn] = each.map((word) => word(...args));
      return { ky: inKy, ru: inRu, en: inEn };
    }) as LocalizedWords<T>;
  }
  const entries = Object.keys(ky as object).map((key) => {
    const of = (edition: T) => (edition as Record<string, unknown>)[key];
    return [key, sideBySide(of(ky), of(ru), of(en))];
  });
  return Object.fromEntries(entries) as LocalizedWords<T>;
}

/**
 * The reports' words: the printed ones from the Kyrgyz and Russian catalogs, with the English the
 * window and the command line show.
 */
export const reportWords: LocalizedWords<ReportWords> = sideBySide(
  printedWords('ky').reports,
  printedWords('ru').reports,
  enReportWords,
);
