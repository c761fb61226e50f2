import type { i18n as I18n } from 'i18next';
import type { ErrorCode } from '../../shared/error-codes';
import { fieldName } from '../i18n/field-names';
import { waitText } from './wait-text';

/**
 * A failed command's words in the reader's language, chosen by the error's stable code. Every code
 * has words in every language (a compile-time check); `translated` is false only for a code this
 * window does not know, from a newer core (the alert then offers the core's technical message). A field the
 * error points at is named as its form labels it, never by its raw path.
 */
export function errorText(
  i18n: I18n,
  code: ErrorCode,
  details: Readonly<Record<string, unknown>>,
): { text: string; translated: boolean } {
  const wait = typeof details.retryAt === 'string' ? waitText(i18n, details.retryAt) : '';
  const field = fieldName(i18n, details.field, details.command);
  const translated = i18n.exists(`errors.${code}`);
  const text = translated
    ? i18n.t(`errors.${code}`, { ...namedPlaces(details), code, wait, field })
    : i18n.t('errors.unknown', { code });
  return { text, translated };
}

/** The details an error names (a school, a file, table, row, column, value) as words may quote them. */
function namedPlaces(details: Readonly<Record<string, unknown>>): Record<string, string> {
  const places: Record<string, string> = {};
  for (const [name, value] of Object.entries(details)) {
    if (typeof value === 'string' || typeof value === 'number') places[name] = String(value);
  }
  return places;
}
