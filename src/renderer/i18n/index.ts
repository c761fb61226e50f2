import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { monthNames } from '../../shared/month-names';
import type { LanguageCode } from '../../shared/views';
import type { Messages } from './ky';
import { resources } from './messages';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Messages };
  }
}

export const languages: readonly LanguageCode[] = ['ky', 'ru', 'en'];
export { resources };

/**
 * Chromium has no Kyrgyz number or calendar data and would fall back to English ("1,234.5",
 * "September"). Kyrgyz writes numbers as Russian does ("1 234,5"); Kyrgyz dates are written below.
 */
const LOCALES: Record<LanguageCode, string> = { ky: 'ru-RU', ru: 'ru-RU', en: 'en-GB' };
const STORAGE_KEY = 'moor.language';

export function storedLanguage(): LanguageCode | null {
  const stored = localStorage.getItem(STORAGE_KEY);
  return languages.includes(stored as LanguageCode) ? (stored as LanguageCode) : null;
}

export async function initI18n(language: LanguageCode): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: {
      ky: { translation: resources.ky },
      ru: { translation: resources.ru },
      en: { translation: resources.en },
    },
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // "{{count, number}}" would ask Intl for Kyrgyz, which Chromium lacks ("31,555"): Kyrgyz
  // writes numbers as Russian does ("31 555").
  i18next.services.formatter?.add('number', (value: number, lng, options: Intl.NumberFormatOptions) =>
    new Intl.NumberFormat(
      LOCALES[languages.includes(lng as LanguageCode) ? (lng as LanguageCode) : 'ky'],
      options,
    ).format(value),
  );
  document.documentElement.lang = language;
}

export async function changeLanguage(language: LanguageCode): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}

export function currentLanguage(): LanguageCode {
  return languages.includes(i18next.language as LanguageCode) ? (i18next.language as LanguageCode) : 'ky';
}

function locale(): string {
  return LOCALES[currentLanguage()];
}

function calendarDate(iso: string): Date {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

const twoDigits = (n: number): string => String(n).padStart(2, '0');

/**
 * A calendar date (YYYY-MM-DD) in the reader's language, read as a local date (no time zone shift).
 * Kyrgyz dates are written as Kyrgyz documents write them: "1-сентябрь, 2025-ж.", "01.09.2025 14:05".
 */
export function formatDate(iso: string): string {
  const date = calendarDate(iso);
  if (currentLanguage() === 'ky') {
    return `${date.getDate()}-${monthNames[date.getMonth()]}, ${date.getFullYear()}-ж.`;
  }
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

export function formatShortDate(iso: string): string {
  const date = calendarDate(iso);
  if (currentLanguage() === 'ky') return `${twoDigits(date.getDate())}.${twoDigits(date.getMonth() + 1)}`;
  return new Intl.DateTimeFormat(locale(), { day: '2-digit', month: '2-digit' }).format(date);
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (currentLanguage() === 'ky') {
    const day = `${twoDigits(date.getDate())}.${twoDigits(date.getMonth() + 1)}.${date.getFullYear()}`;
    return `${day} ${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}`;
  }
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(locale()).format(value);
}

const KIB = 1024;

/**
 * A file's size as the reader's language writes it: «52,2 МБ» in Kyrgyz and Russian, "52.2 MB" in
 * English; kilobytes below a megabyte, gigabytes from one.
 */
export function formatSize(bytes: number): string {
  const [unit, amount] =
    bytes >= KIB ** 3
      ? (['gb', bytes / KIB ** 3] as const)
      : bytes >= KIB ** 2
        ? (['mb', bytes / KIB ** 2] as const)
        : (['kb', bytes / KIB] as const);
  const size = new Intl.NumberFormat(locale(), { maximumFractionDigits: unit === 'kb' ? 0 : 1 }).format(
    amount,
  );
  return i18next.t(`sizes.${unit}`, { size });
}

export function formatPercent(fraction: number): string {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}
