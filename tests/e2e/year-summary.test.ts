import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { giveMissingYearFinals, pdfPagesText, squash } from '../documents/helpers';
import { codesOnScreen, latinWords, serveDemoSchool, shot, signIn, type Harness } from './harness';

let harness: Harness;
let work: string;

/** The small demo school (5Б and 8А) with a deputy and the director, served to Chromium. */
beforeAll(async () => {
  ({ harness, work } = await serveDemoSchool('moor-year-summary-', ['deputy', 'director']));
});
afterAll(async () => {
  await harness.close();
});

/** The year's period on the close screen, where its summary-sheet card is. */
async function openYear(page: Page) {
  await page.getByText('Чейрек жабуу').first().click();
  await page.getByRole('combobox', { name: 'Мезгил' }).click();
  await page.getByRole('option', { name: 'Окуу жылы' }).click();
  await page.getByTestId('year-summary').waitFor();
}

/** The Latin letters of document ids, hashes and paths, which are codes rather than words. */

describe('the year-end summary sheets: printed by the deputy, signed off by the director (Kyrgyz)', () => {
  it(
    'the deputy prints every class’s sheet into a folder and previews one',
    { timeout: 120_000 },
    async () => {
      const page = await harness.newPage();
      onTestFailed(() => shot(page, 'failure-year-summary-print'));
      await signIn(page, 'gulnara');
      await openYear(page);
      const card = page.getByTestId('year-summary');
      await card.getByText('Бул окуу жылы үчүн азырынча эч бир ведомость басылган эмес.').waitFor();

      // A folder that is not there is named in the form, and nothing is printed.
      await card.getByLabel('Папка (толук жолу)').fill(path.join(work, 'жок-папка'));
      await card.getByRole('button', { name: 'Басып чыгаруу' }).click();
      await page.locator('[data-error-code="EXPORT_NO_FOLDER"]').waitFor();

      // The demo journal lacks some finals: the print is refused, naming the classes.
      const folder = fs.mkdtempSync(path.join(work, 'sheets-'));
      await card.getByLabel('Папка (толук жолу)').fill(folder);
      await card.getByRole('button', { name: 'Басып чыгаруу' }).click();
      const refusal = page.locator('[data-error-code="SUMMARY_FINALS_MISSING"]');
      await refusal.waitFor({ timeout: 60_000 });
      expect(await refusal.innerText()).toContain('(5Б, 8А)');
      await shot(page, 'year-summary-refused-ky');
      expect(fs.readdirSync(folder)).toEqual([]);

      giveMissingYearFinals(harness.server.service.context.mirror);
      await card.getByRole('button', { name: 'Басып чыгаруу' }).click();
      await card
        .getByTestId('summary-printed')
        .getByText('PDF даярдалды: 2 класс')
        .waitFor({ timeout: 60_000 });
      const rows = card.getByTestId('summary-sheets').locator('tbody tr');
      await expect.poll(() => rows.count()).toBe(2);
      expect(await rows.first().innerText()).toContain('5Б');
      await rows.first().getByText('Кол коюла элек').waitFor();
      await shot(page, 'year-summary-printed-ky');
      expect(await latinWords(page, await codesOnScreen(page))).toEqual([]);

      // Each class's sheet is in its language of instruction unless the deputy chose one for all.
      const pdfs = fs.readdirSync(folder).filter((f) => f.endsWith('.pdf'));
      expect(pdfs).toHaveLength(2);
      const editionOf = (pdf: string) => {
        const text = squash(pdfPagesText(path.join(folder, pdf)).join(' '));
        if (text.includes('Итоговая ведомость')) return 'ru';
        return text.includes('Жыйынтык ведомость') ? 'ky' : 'none';
      };
      const languages = harness.server.service.context.mirror.sqlite
        .prepare('SELECT language FROM class ORDER BY grade, letter')
        .pluck()
        .all();
      expect(pdfs.map(editionOf).sort()).toEqual([...languages].sort());

      await rows.first().getByRole('button', { name: 'Алдын ала көрүү' }).click();
      const preview = page.getByRole('dialog');
      await preview
        .getByTestId('preview-page')
        .getByText(/^Барак 1 \/ \d+$/)
        .waitFor({ timeout: 30_000 });
      await preview.getByText('5Б классы: жыйынтык ведомость').waitFor();
      await shot(page, 'year-summary-preview-ky');
      expect(await latinWords(page, await codesOnScreen(page))).toEqual([]);
      await page.keyboard.press('Escape');
      await preview.waitFor({ state: 'detached' });
    },
  );

  it(
    'the director signs one sheet off: the card shows the date and who signed',
    { timeout: 120_000 },
    async () => {
      const page = await harness.newPage();
      onTestFailed(() => shot(page, 'failure-year-summary-sign'));
      await signIn(page, 'bakyt');
      await openYear(page);
      const card = page.getByTestId('year-summary');
      // Printing is the deputy's: the director sees the sheets, not the print form.
      expect(await card.getByRole('button', { name: 'Басып чыгаруу' }).count()).toBe(0);
      const row = card.getByTestId('summary-sheets').locator('tbody tr').filter({ hasText: '8А' });
      await row.getByRole('button', { name: 'Кол койду', exact: true }).click();
      await row.getByTestId('summary-signed').getByText('Асанов Бакыт').waitFor();
      await shot(page, 'year-summary-signed-ky');
      expect(await latinWords(page, await codesOnScreen(page))).toEqual([]);
      expect(
        harness.server.service.context.mirror.sqlite
          .prepare('SELECT count(*) FROM year_summary_signoff')
          .pluck()
          .get(),
      ).toBe(1);
    },
  );
});
