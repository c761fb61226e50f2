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
  const time = typeof details.retryAt === 'string' ? formatDateTime(details.retryAt) : '';
  const field = fieldName(i18n, details.field, details.command);
  const translated = i18n.exists(`errors.${code}`);
  // i18next types its keys from the resources: this one is among them when `translated`.
  const key = `errors.${code}` as 'errors.unknown';
  // The words a message names (a school, a file) come as the error's text details.
  const named = Object.fromEntries(Object.entries(details).filter(([, value]) => typeof value === 'string'));
  const text = translated ? i18n.t(key, { ...named, code, time, field }) : i18n.t('errors.unknown', { code });
  return { text, translated };
}
