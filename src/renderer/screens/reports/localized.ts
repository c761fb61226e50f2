import type { DocumentLanguage, Localized } from '../../../shared/views';
import { currentLanguage, formatDate } from '../../i18n';

/** A text of the core in the reader's language. */
export function localized(text: Localized): string {
  return text[currentLanguage()];
}

/**
 * The language of the names inside a report (subjects) and of its exported file: the reader's,
 * when documents can be in it; the school's document language otherwise.
 */
export function reportLanguage(schoolLanguage: DocumentLanguage): DocumentLanguage {
  const language = currentLanguage();
  return language === 'en' ? schoolLanguage : language;
}

/** Kyrgyz and Russian write numbers alike (1 234,5); Chromium has no Kyrgyz number data. */
function numberLocale(): string {
  return currentLanguage() === 'en' ? 'en-GB' : 'ru-RU';
}

export function formatFigure(value: number, decimals: number): string {
  return new Intl.NumberFormat(numberLocale(), {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

/** One table cell as the reader sees it: percents with one decimal, averages with two, dates in words. */
export function formatCell(format: string, value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return format === 'date' ? formatDate(value) : value;
  if (format === 'percent') return `${formatFigure(value, 1)} %`;
  if (format === 'decimal') return formatFigure(value, 2);
  return formatFigure(value, 0);
}

/** "2025-09-01" → "01.09.2025": short enough for a list, read alike in all three languages. */
export function numericDate(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${day ?? ''}.${month ?? ''}.${year ?? ''}`;
}
