import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultCheckRules } from '../../src/core/settings/journal-rule-defaults';
import { defaultMarkDeadlines } from '../../src/core/settings/journal-rule-defaults';
import { resources } from '../../src/renderer/i18n/messages';
import {
  allowanceOf,
  describeChanges,
  formOf,
  hoursOf,
  rulesOf,
} from '../../src/renderer/screens/settings/journal-rules-form';
import type { JournalRulesView } from '../../src/shared/views';

const regulation: JournalRulesView = { markDeadlines: defaultMarkDeadlines, checkRules: defaultCheckRules };
let ru: TFunction;
let ky: TFunction;

beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { ky: { translation: resources.ky }, ru: { translation: resources.ru } },
    lng: 'ru',
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
  ru = i18n.getFixedT('ru');
  ky = i18n.getFixedT('ky');
});

describe('the journal-rules form of the settings card', () => {
  it('shows whole days beyond one as days, and gives back the same hours', () => {
    expect(allowanceOf(24)).toEqual({ amount: 24, unit: 'hours' });
    expect(allowanceOf(120)).toEqual({ amount: 5, unit: 'days' });
    expect(allowanceOf(36)).toEqual({ amount: 36, unit: 'hours' });
    expect(hoursOf({ amount: 3, unit: 'days' })).toBe(72);
    expect(rulesOf(formOf(regulation))).toEqual(regulation);
  });

  it('sorts the half-year grades the admin ticked', () => {
    const form = formOf(regulation);
    const rules = rulesOf({ ...form, checkRules: { ...form.checkRules, halfYearGrades: [11, 9, 10] } });
    expect(rules.checkRules.halfYearGrades).toEqual([9, 10, 11]);
  });

  it('lists only what changed, in the school words of each language', () => {
    const changed: JournalRulesView = {
      markDeadlines: { hoursByMarkType: { ...defaultMarkDeadlines.hoursByMarkType, general: 48 } },
      checkRules: { finalMaxDistance: 1.5, halfYearGrades: [] },
    };
    expect(describeChanges(ky, regulation, regulation)).toEqual([]);
    expect(describeChanges(ru, regulation, changed)).toEqual([
      'Устный ответ (общая оценка): 24 часа → 2 дня',
      `${resources.ru.journalRules.finalMaxDistance}: 1 → 1,5`,
      `${resources.ru.journalRules.halfYearGrades}: 10, 11 → нет`,
    ]);
    expect(describeChanges(ky, regulation, changed)[0]).toBe('Оозеки жооп (жалпы баа): 24 саат → 2 күн');
  });
});
