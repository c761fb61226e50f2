import type { i18n as I18n } from 'i18next';

/**
 * How long until `until`, as a person says it: "40 seconds", "3 minutes". The waits after wrong
 * passwords last seconds to minutes, so a clock time to the minute would read oddly.
 */
export function waitText(i18n: I18n, until: string, now = Date.now()): string {
  const seconds = Math.max(1, Math.ceil((new Date(until).getTime() - now) / 1000));
  return seconds < 60
    ? i18n.t('signIn.waitSeconds', { count: seconds })
    : i18n.t('signIn.waitMinutes', { count: Math.ceil(seconds / 60) });
}
