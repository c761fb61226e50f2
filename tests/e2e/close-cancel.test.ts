import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { latinWords, serveDemoSchool, shot, signIn, type Harness } from './harness';

let harness: Harness;

/** The small demo school (5Б and 8А, no class marked by half-year), set up, served to Chromium. */
beforeAll(async () => {
  ({ harness } = await serveDemoSchool('moor-close-cancel-', ['deputy', 'secretary']));
});
afterAll(async () => {
  await harness.close();
});

async function openPeriod(page: Page, name: string) {
  await page.getByRole('combobox', { name: 'Мезгил' }).click();
  await page.getByRole('option', { name }).click();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Чыгуу' }).click();
  await page.getByLabel('Колдонуучу аты').waitFor();
}

describe('starting a close over chosen classes and cancelling a mistaken one (Kyrgyz)', () => {
  it(
    'narrows, cancels with a reason after a confirm, and starts the period again',
    { timeout: 120_000 },
    async () => {
      const page = await harness.newPage();
      onTestFailed(() => shot(page, 'failure-close-cancel'));
      await signIn(page, 'gulnara');
      await page.getByText('Чейрек жабуу').first().click();

      // No class of the small school is marked by half-year: its half-year has nothing to close.
      await openPeriod(page, '1-жарым жыл');
      await page.getByText('Бул окуу жылында бул мезгил менен жабыла турган класс жок.').waitFor();
      expect(await page.getByRole('button', { name: 'Жабууну баштоо' }).count()).toBe(0);

      // A quarter offers all its classes; the deputy leaves 5Б out.
      await openPeriod(page, '2-чейрек');
      const classes = page.getByRole('combobox', { name: 'Жабыла турган класстар' });
      await classes.click();
      await page.getByRole('option', { name: '5Б' }).click();
      await page.keyboard.press('Escape');
      await shot(page, '15-close-start-chosen-classes-ky');
      await page.getByRole('button', { name: 'Жабууну баштоо' }).click();
      await page.getByTestId('day-board').waitFor();
      expect(await page.getByTestId('close-classes').innerText()).toBe('8А');

      // Cancelling needs a written reason, and a second word of confirmation.
      await page.getByRole('button', { name: 'Жабууну жокко чыгаруу' }).click();
      await page.getByRole('button', { name: 'Жабууну жокко чыгаруу' }).last().click();
      await page
        .locator('[data-error-code="CLOSE_REASON_REQUIRED"]')
        .getByText('Себебин толук жазыңыз.')
        .waitFor();
      await page.getByTestId('day-board').waitFor();
      await page
        .locator('textarea[name="cancelReason"]')
        .fill('5Б класс жаңылыш калтырылды, жабуу бардык класстар менен кайра башталат.');
      await page.getByRole('button', { name: 'Жабууну жокко чыгаруу' }).first().click();
      await page.getByText('Бул жабуу жокко чыгарылсынбы?', { exact: false }).waitFor();
      await shot(page, '16-close-cancel-confirm-ky');
      expect(await latinWords(page)).toEqual([]);
      await page.getByRole('button', { name: 'Жабууну жокко чыгаруу' }).last().click();

      // The period is open to start again, over both classes.
      await page.getByText('Бул мезгилдин жабылышы али башталган жок.').waitFor();
      expect(await page.getByTestId('day-board').count()).toBe(0);
      await page.getByRole('button', { name: 'Жабууну баштоо' }).click();
      await page.getByTestId('day-board').waitFor();
      expect(await page.getByTestId('close-classes').innerText()).toBe('5Б, 8А');
      await shot(page, '17-close-restarted-ky');

      // The secretary sees the close but is not offered its cancelling.
      await signOut(page);
      await signIn(page, 'nurjan');
      await page.getByText('Чейрек жабуу').first().click();
      await page.getByTestId('day-board').waitFor();
      expect(await page.getByRole('button', { name: 'Жабууну жокко чыгаруу' }).count()).toBe(0);
      await page.close();
    },
  );
});
