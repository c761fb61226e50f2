import { waitAfter } from '../../src/core/auth/sign-in-waits';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Page } from 'playwright-core';
import { schoolYearStarting, suggestedSchoolYear } from '../../src/shared/school-year';
import { buildRenderer, latinWords, shot, startHarness, type Harness } from './harness';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness(buildRenderer());
});
afterAll(async () => {
  await harness.close();
});

async function signIn(page: Page, login: string, password: string) {
  await page.getByLabel('Колдонуучу аты').fill(login);
  await page.getByLabel('Сырсөз', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Кирүү' }).click();
}

describe('first run, users and sign-in through the UI (Kyrgyz)', () => {
  it('sets the school up, adds the staff, refuses a wrong password and locks out after five', async () => {
    const page = await harness.newPage();
    onTestFailed(() => shot(page, 'failure-first-run'));
    await page.getByText('Биринчи жолку орнотуу').waitFor();
    await page.getByLabel('Мектептин аталышы (кыргызча)').fill('№ 95 гимназия, Бишкек шаары');
    await page.getByLabel('Мектептин аталышы (орусча)').fill('Гимназия № 95, город Бишкек');
    await page.getByLabel('Дареги (кыргызча)').fill('Бишкек ш., Үмөталиев көч., 12');
    await shot(page, '01-setup-school-ky');
    expect(await latinWords(page)).toEqual([]);
    await page.getByRole('button', { name: 'Кийинки' }).click();
    await page.getByLabel('1-чейректин аягы').waitFor();
    // The form proposes the school year under way (or the coming one from July), not a fixed one.
    const yearLabel = page.getByLabel('Окуу жылы', { exact: true });
    const proposed = suggestedSchoolYear(new Date());
    expect(await yearLabel.inputValue()).toBe(proposed.label);
    // Another year typed: the proposed dates follow it until one of them is corrected by hand.
    const next = schoolYearStarting(Number(proposed.label.slice(0, 4)) + 1);
    await yearLabel.fill(next.label);
    const [year, month, day] = (next.quarters[0]?.endsOn ?? '').split('-');
    expect(await page.getByLabel('1-чейректин аягы').inputValue()).toBe(`${day}.${month}.${year}`);
    await yearLabel.fill(proposed.label);
    await page.getByRole('button', { name: 'Кийинки' }).click();
    await page.getByLabel('Толук аты-жөнү').fill('Өмүрбеков Үсөн');
    await page.getByLabel('Колдонуучу аты (логин)').fill('usen');
    await page.getByLabel('Сырсөз (кеминде 8 белги)').fill('admin-pass-1');
    await page.getByLabel('Сырсөздү кайталаңыз').fill('admin-pass-1');
    await page.getByRole('button', { name: 'Кийинки' }).click();
    await page
      .getByLabel('Резервдик көчүрмөлөрдүн сырсөз айкашы', { exact: false })
      .fill('мектеп сейфиндеги сөз 2025');
    // The passphrase is typed twice; a difference is named at the second field and stops the setup.
    const repeat = page.getByLabel('Сырсөз айкашын кайталаңыз', { exact: false });
    await repeat.fill('мектеп сейфиндеги сөз 2052');
    await page.getByText('Сырсөз айкаштары дал келбейт').waitFor();
    expect(await page.getByRole('button', { name: 'Орнотууну аяктоо' }).isDisabled()).toBe(true);
    await repeat.fill('мектеп сейфиндеги сөз 2025');
    await shot(page, '02-setup-safety-ky');
    await page.getByRole('button', { name: 'Орнотууну аяктоо' }).click();

    // The first real step follows: filling the empty local base, not an empty dashboard.
    await page.getByTestId('current-user').getByText('Өмүрбеков Үсөн').waitFor();
    await page.getByRole('heading', { name: 'Маалыматты жаңылоо' }).waitFor();
    await shot(page, '03-after-setup-sync-ky');
    await page.getByText('Башкы бет').first().click();
    await page.getByText('Жергиликтүү базада азырынча маалымат жок').waitFor();
    await shot(page, '03-dashboard-admin-ky');
    expect(await latinWords(page)).toEqual([]);

    await page
      .getByRole('link', { name: 'Колдонуучулар' })
      .or(page.getByText('Колдонуучулар').first())
      .first()
      .click();
    for (const [fullName, login, role] of [
      ['Сыдыкова Гүлнара', 'gulnara', 'Директордун орун басары'],
      ['Токтогулова Нуржан', 'nurjan', 'Катчы'],
      ['Асанов Бакыт', 'bakyt', 'Директор'],
    ] as const) {
      await page.locator('input[name="fullName"]').fill(fullName);
      await page.locator('input[name="newLogin"]').fill(login);
      await page.getByRole('combobox', { name: 'Ролу' }).click();
      await page.getByRole('option', { name: role, exact: true }).click();
      await page.locator('input[name="newPassword"]').fill(`${login}-pass-1`);
      await page.getByRole('button', { name: 'Колдонуучу кошуу' }).click();
      await page.getByRole('cell', { name: fullName }).waitFor();
    }
    await shot(page, '04-users-ky');
    expect(await latinWords(page, ['usen', 'gulnara', 'nurjan', 'bakyt'])).toEqual([]);

    // The admin gives oral answers two days instead of the regulation's 24 hours.
    await page
      .getByRole('link', { name: 'Жөндөөлөр' })
      .or(page.getByText('Жөндөөлөр').first())
      .first()
      .click();
    const rules = page.getByTestId('journal-rules');
    await rules.getByText('Журналды толтуруу эрежелери').waitFor();
    await rules.getByTestId('deadline-general').getByLabel('Оозеки жооп (жалпы баа)').fill('48');
    await rules.getByRole('button', { name: 'Сактоо' }).click();
    await rules
      .getByTestId('journal-rules-saved')
      .getByText('Оозеки жооп (жалпы баа): 24 саат → 2 күн')
      .waitFor();
    // Saving scrolled the page; from the top the full-page picture has the header where it belongs.
    await page.evaluate(() => {
      window.scrollTo(0, 0);
    });
    await shot(page, '04b-journal-rules-admin-ky');
    expect(await latinWords(page)).toEqual([]);
    await page.getByRole('button', { name: 'Чыгуу' }).click();

    await signIn(page, 'gulnara', 'wrong-password');
    await page.getByText('Логин же сырсөз туура эмес.').waitFor();
    await shot(page, '05-wrong-password-ky');
    for (let attempt = 2; attempt <= 5; attempt += 1) {
      await page.getByLabel('Сырсөз', { exact: true }).fill('wrong-password');
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/invoke')),
        page.getByRole('button', { name: 'Кирүү' }).click(),
      ]);
    }
    await page.locator('[data-error-code="SIGN_IN_WAIT"]').waitFor();
    await shot(page, '06-locked-out-ky');
    expect(await latinWords(page)).toEqual([]);

    // The wrong guesses made this browser wait too, whoever signs in next at it: the secretary
    // signs in once the wait the message names is over.
    await page.waitForTimeout(waitAfter(5));
    await signIn(page, 'nurjan', 'nurjan-pass-1');
    await page.getByTestId('current-user').getByText('Токтогулова Нуржан').waitFor();
    // The secretary sees no users screen and no audit log: the matrix gives them to others.
    expect(await page.getByText('Колдонуучулар').count()).toBe(0);
    expect(await page.getByText('Аракеттер журналы').count()).toBe(0);
    await page.getByRole('button', { name: 'Кулпулоо' }).click();
    await page.getByText('Экран кулпуланган').waitFor();
    await page.getByLabel('Сырсөз', { exact: true }).fill('nurjan-pass-1');
    await page.getByRole('button', { name: 'Ачуу' }).click();
    await page.getByTestId('current-user').waitFor();

    await page.getByText('Русский').first().click();
    await page.getByText('Главная').first().waitFor();
    await shot(page, '07-dashboard-secretary-ru');
    expect(await latinWords(page)).toEqual([]);

    // The secretary reads the rules the checks apply, as the admin set them, and cannot change them.
    await page
      .getByRole('link', { name: 'Настройки' })
      .or(page.getByText('Настройки').first())
      .first()
      .click();
    const rulesRu = page.getByTestId('journal-rules');
    await rulesRu.getByText('Правила ведения журнала').waitFor();
    await rulesRu.getByTestId('deadline-general').getByText('2 дня').waitFor();
    expect(await rulesRu.getByRole('button').count()).toBe(0);
    await shot(page, '07b-journal-rules-secretary-ru');
    expect(await latinWords(page)).toEqual([]);
    await page.close();
  });
});
