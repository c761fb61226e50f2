import type { i18n as I18n } from 'i18next';
import { formatDateTime } from '../i18n';
import { fieldName } from '../i18n/field-names';

/**
 * A failed command's words in the reader's language, chosen by the error's stable code; `translated`
 * is false when the code has none (the alert then offers the core's technical message). A field the
 * error points at is named as its form labels it, never by its raw path.
 */
export function errorText(
  i18n: I18n,
  code: string,
  details: Readonly<Record<string, unknown>>,
): { text: string; translated: boolean } {
  const time = typeof details.lockedUntil === 'string' ? formatDateTime(details.lockedUntil) : '';
  const field = fieldName(i18n, details.field, details.command);
  const translated = i18n.exists(`errors.${code}`);
  // i18next types its keys from the resources: this one is among them when `translated`.
  const key = `errors.${code}` as 'errors.unknown';
  const text = translated
    ? i18n.t(key, { ...namedPlaces(details), code, time, field })
    : i18n.t('errors.unknown', { code });
  return { text, translated };
}

/** The details an error names (file, table, row, column, value) as words may quote them. */
function namedPlaces(details: Readonly<Record<string, unknown>>): Record<string, string> {
  const places: Record<string, string> = {};
  for (const [name, value] of Object.entries(details)) {
    if (typeof value === 'string' || typeof value === 'number') places[name] = String(value);
  }
  return places;
}
