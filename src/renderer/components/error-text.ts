import type { i18n as I18n } from 'i18next';
import type { ErrorCode } from '../../shared/error-codes';
import { formatDateTime } from '../i18n';
import { fieldName } from '../i18n/field-names';

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
  const time = typeof details.lockedUntil === 'string' ? formatDateTime(details.lockedUntil) : '';
  const field = fieldName(i18n, details.field, details.command);
  const translated = i18n.exists(`errors.${code}`);
  const text = translated
    ? i18n.t(`errors.${code}`, { code, time, field })
    : i18n.t('errors.unknown', { code });
  return { text, translated };
}
