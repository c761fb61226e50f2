import i18next, { type i18n as I18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorText } from '../../src/renderer/components/error-text';
import { waitText } from '../../src/renderer/components/wait-text';
import { resources } from '../../src/renderer/i18n/messages';

const i18n = {} as Record<'ky' | 'ru' | 'en', I18n>;
const now = Date.parse('2026-03-02T08:00:00Z');
const inSeconds = (s: number) => new Date(now + s * 1000).toISOString();

beforeAll(async () => {
  for (const lng of ['ky', 'ru', 'en'] as const) {
    const instance = i18next.createInstance();
    await instance.init({
      resources: { [lng]: { translation: resources[lng] } },
      lng,
      fallbackLng: false,
      interpolation: { escapeValue: false },
    });
    i18n[lng] = instance;
  }
});

describe('a wait after wrong passwords is worded as a wait, not a clock time', () => {
  it('in seconds under a minute, in whole minutes (rounded up) beyond, with the grammar of each language', () => {
    expect([1, 40, 59.2, 61, 180, 240].map((s) => waitText(i18n.en, inSeconds(s), now))).toEqual([
      '1 second',
      '40 seconds',
      '1 minute',
      '2 minutes',
      '3 minutes',
      '4 minutes',
    ]);
    expect([1, 3, 40, 61, 300].map((s) => waitText(i18n.ru, inSeconds(s), now))).toEqual([
      '1 секунду',
      '3 секунды',
      '40 секунд',
      '2 минуты',
      '5 минут',
    ]);
    expect([40, 180].map((s) => waitText(i18n.ky, inSeconds(s), now))).toEqual([
      '40 секунддан',
      '3 мүнөттөн',
    ]);
    // A wait already over (the clocks differ a little) still reads as the shortest one.
    expect(waitText(i18n.en, inSeconds(-5), now)).toBe('1 second');
  });

  it('in the sign-in refusal of every language', () => {
    const retryAt = new Date(Date.now() + 40_000).toISOString();
    const words = (lng: 'ky' | 'ru' | 'en') => errorText(i18n[lng], 'SIGN_IN_WAIT', { retryAt }).text;
    expect(words('en')).toMatch(/^Too many wrong attempts: try again in (40|39) seconds\.$/);
    expect(words('ru')).toMatch(/^Слишком много неверных попыток: повторите через (40|39) секунд\.$/);
    expect(words('ky')).toMatch(
      /^Туура эмес аракет өтө көп болду: (40|39) секунддан кийин кайра аракет кылыңыз\.$/,
    );
  });

  it('on the users screen, in every language', () => {
    const wait = (lng: 'ky' | 'ru' | 'en') =>
      i18n[lng].t('users.signInWait', { wait: waitText(i18n[lng], inSeconds(120), now) });
    expect(wait('en')).toBe('Wrong passwords: can sign in again in 2 minutes');
    expect(wait('ru')).toBe('Неверные пароли: войти снова можно через 2 минуты');
    expect(wait('ky')).toBe('Туура эмес сырсөздөр: 2 мүнөттөн кийин кайра кире алат');
  });
});
