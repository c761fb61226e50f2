import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
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

const LOCALES: Record<LanguageCode, string> = { ky: 'ky-KG', ru: 'ru-RU', en: 'en-GB' };
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

/** A calendar date (YYYY-MM-DD) in the reader's language, read as a local date (no time zone shift). */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1),
  );
}

export function formatShortDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { day: '2-digit', month: '2-digit' }).format(
    new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1),
  );
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(locale()).format(value);
}

export function formatPercent(fraction: number): string {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}
