import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { putSetting } from '../../src/core/settings/app-settings';
import { latinWords, serveDemoSchool, shot, signIn, type Harness } from './harness';

let harness: Harness;

/** The small demo school, its idle lock set to the shortest the settings allow (one minute). */
beforeAll(async () => {
  ({ harness } = await serveDemoSchool('moor-idle-lock-', ['deputy']));
  putSetting(harness.server.service.context.mirror, 'idleMinutes', 1, new Date());
});
afterAll(async () => {
  await harness.close();
});

const REASON = 'Мугалимдер ооруп калышты; жыйынтыктарды орун басар Сыдыкова Г. текшерди.';

describe('the idle lock keeps an open edit (Kyrgyz)', () => {
  it(
    'a reason half written when the window locks is there again, as typed, after unlocking',
    { timeout: 300_000 },
    async () => {
      const page = await harness.newPage();
      onTestFailed(() => shot(page, 'failure-idle-lock'));
      await signIn(page, 'gulnara');
      await page.getByText('Чейрек жабуу').first().click();
      await page.getByRole('combobox', { name: 'Мезгил' }).click();
      await page.getByRole('option', { name: '1-чейрек' }).click();
      await page.getByRole('button', { name: 'Жабууну баштоо' }).click();
      await page.getByTestId('day-board').waitFor();
      const reason = page.locator('textarea[name="overrideReason"]');
      await reason.fill(REASON);

      // Nobody touches the window: after a minute it locks, and shows nothing of what was open.
      await page.getByText('Экран кулпуланган').waitFor({ timeout: 180_000 });
      expect(await reason.isVisible()).toBe(false);
      await shot(page, '42-idle-locked-ky');
      expect(await latinWords(page, ['gulnara'])).toEqual([]);

      await page.getByLabel('Сырсөз', { exact: true }).fill('gulnara-pass-1');
      await page.getByRole('button', { name: 'Ачуу' }).click();
      await page.getByTestId('day-board').waitFor();
      expect(await reason.inputValue()).toBe(REASON);
      await shot(page, '43-idle-unlocked-edit-kept-ky');
    },
  );
});
