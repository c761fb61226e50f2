import { printedNumber } from './printed-number';

/** A noun's forms after a number: 1 (and 21, 31…), 2–4 (and 22–24…), and every other number. */
export interface NounForms {
  readonly one: string;
  readonly few: string;
  readonly many: string;
}

/**
 * "43 листа", "45 листов", "21 лист", "11 листов": the number with its noun as Russian agrees them.
 * Kyrgyz nouns do not change after a number; its edition gives the same word in all three forms.
 */
export function countedNoun(count: number, forms: NounForms): string {
  const lastTwo = Math.abs(count) % 100;
  const last = lastTwo % 10;
  const form =
    last === 1 && lastTwo !== 11
      ? forms.one
      : last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)
        ? forms.few
        : forms.many;
  return `${printedNumber(count)} ${form}`;
}
