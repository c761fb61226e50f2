import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { formatSize } from '../../src/renderer/i18n';
import { resources } from '../../src/renderer/i18n/messages';

const MB = 1024 * 1024;

describe('sizes as each language writes them', () => {
  it('writes 52,2 МБ in Kyrgyz and Russian and 52.2 MB in English, kilobytes and gigabytes alike', async () => {
    await i18next.init({
      resources: {
        ky: { translation: resources.ky },
        ru: { translation: resources.ru },
        en: { translation: resources.en },
      },
      lng: 'ky',
      fallbackLng: false,
      interpolation: { escapeValue: false },
    });
    expect(formatSize(52.2 * MB)).toBe('52,2 МБ');
    expect(formatSize(300 * 1024)).toBe('300 КБ');
    expect(formatSize(1536 * MB)).toBe('1,5 ГБ');
    await i18next.changeLanguage('ru');
    expect(formatSize(52.2 * MB)).toBe('52,2 МБ');
    await i18next.changeLanguage('en');
    expect(formatSize(52.2 * MB)).toBe('52.2 MB');
  });
});
