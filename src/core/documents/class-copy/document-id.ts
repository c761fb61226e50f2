import type { PeriodKind } from '../../db/schema';

const periodCodes: Record<PeriodKind, string> = { quarter: 'Q', half_year: 'H', year: 'Y' };

/** Q1…Q4 for quarters, H1, H2 for half-years, Y for the year. */
export function periodCode(kind: PeriodKind, number: number): string {
  return kind === 'year' ? 'Y' : `${periodCodes[kind]}${number}`;
}

/**
 * A document id a person can read off the page: period, year, class, language and the start of
 * the data fingerprint, e.g. `Q1-2025-8А-ky-3f9c2a1b`.
 */
export function classCopyId(input: {
  periodKind: PeriodKind;
  periodNumber: number;
  yearStartsOn: string;
  grade: number;
  letter: string;
  language: string;
  fingerprint: string;
}): string {
  return `${periodCode(input.periodKind, input.periodNumber)}-${input.yearStartsOn.slice(0, 4)}-${input.grade}${input.letter}-${input.language}-${input.fingerprint.slice(0, 8)}`;
}

export function yearSummaryId(input: {
  yearStartsOn: string;
  grade: number;
  letter: string;
  language: string;
  fingerprint: string;
}): string {
  return `YS-${input.yearStartsOn.slice(0, 4)}-${input.grade}${input.letter}-${input.language}-${input.fingerprint.slice(0, 8)}`;
}
