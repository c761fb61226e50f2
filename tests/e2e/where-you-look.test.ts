import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { writeDemoSchool } from '../support/schools';
import {
  codesOnScreen,
  latinWords,
  SCREENSHOTS,
  serveDemoSchool,
  shot,
  signIn,
  type Harness,
} from './harness';

let harness: Harness;

/** The medium demo school (thirty classes): day 1's lists make the close screen many screens tall. */
beforeAll(async () => {
  ({ harness } = await serveDemoSchool('moor-where-you-look-', ['deputy'], (file) =>
    writeDemoSchool(file, 'medium'),
  ));
}, 300_000);
afterAll(async () => {
  await harness.close();
});

/** What the person sees (the window, not the whole page): the point is what is in view. */
async function viewShot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** Runs in the page: where an element is against the window, in CSS pixels. */
async function placeOf(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  return box;
}

/** The element lies wholly inside the window as it is scrolled now. */
async function expectInView(page: Page, locator: Locator) {
  const box = await placeOf(locator);
  const height = await page.evaluate(() => window.innerHeight);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(height);
}

/** Day 1's open items in the mirror, by kind, as the core keeps them. */
async function openDayOneItems(): Promise<number> {
  const rows = await harness.server.service.context.mirror.db
    .selectFrom('close_item')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .where('day', '=', 1)
    .where('status', 'in', ['open', 'voided'])
    .executeTakeFirstOrThrow();
  return rows.n;
}

describe('errors and results where the person is looking, on a tall close screen (Kyrgyz)', () => {
  it(
    'a refusal far down day 1 shows beside the pressed button; an override says what it covers and asks first',
    { timeout: 420_000 },
    async () => {
      const page = await harness.newPage();
      onTestFailed(() => shot(page, 'failure-where-you-look'));
      await signIn(page, 'gulnara');
      await page.getByText('Чейрек жабуу').first().click();
      await page.getByRole('combobox', { name: 'Мезгил' }).click();
      await page.getByRole('option', { name: '1-чейрек' }).click();
      await page.getByRole('button', { name: 'Жабууну баштоо' }).click();
      await page.getByTestId('day-board').waitFor({ timeout: 120_000 });
      await page.getByRole('button', { name: 'Текшерүүнү жүргүзүү' }).click();
      await page.getByText('Мугалимдер боюнча текшерүү тизмеси').waitFor({ timeout: 120_000 });

      // The last line with findings, many screens down: its teacher cannot confirm it yet.
      const tall = await page.evaluate(() => document.documentElement.scrollHeight / window.innerHeight);
      expect(tall).toBeGreaterThan(10);
      const lastWithFindings = page.locator('tr[data-findings]:not([data-findings="0"])').last();
      const confirm = lastWithFindings.getByRole('button', { name: 'Текшерилди деп белгилөө' });
      await confirm.scrollIntoViewIfNeeded();
      expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(5000);
      await confirm.click();
      const refusal = page.getByTestId('notices').locator('[data-error-code="CLOSE_ITEM_HAS_FINDINGS"]');
      await refusal.waitFor();
      await expectInView(page, refusal);
      await viewShot(page, '40-close-refusal-in-view-ky');
      expect(await latinWords(page)).toEqual([]);
      // It stays until read.
      await page.waitForTimeout(1000);
      await expectInView(page, refusal);
      await page.getByTestId('notices').getByRole('button', { name: 'Окудум' }).click();
      await refusal.waitFor({ state: 'detached' });

      // The override is at hand at the bottom of the window; without a reason it is refused beside it.
      const bar = page.getByTestId('override-bar');
      await expectInView(page, bar);
      const override = bar.getByRole('button', { name: 'Себеп менен жабуу', exact: true });
      await override.click();
      await bar.getByRole('button', { name: 'Ооба, себеп менен жабуу' }).click();
      const noReason = bar.locator('[data-error-code="CLOSE_REASON_REQUIRED"]');
      await noReason.waitFor();
      await expectInView(page, noReason);
      await expectInView(page, override);

      // Before overriding, the deputy reads what is overridden: the open items and what they hold.
      await bar
        .locator('textarea[name="overrideReason"]')
        .fill('Мугалимдер ооруп калышты; жыйынтыктарды орун басар Сыдыкова Г. текшерди.');
      await override.click();
      const summary = bar.getByTestId('override-summary');
      await summary.waitFor();
      const open = await openDayOneItems();
      expect(open).toBeGreaterThan(0);
      const words = await summary.innerText();
      const said = /Себеп менен жабылат: ([\d\s]+) ачык иш/.exec(words)?.[1] ?? '';
      expect(Number(said.replace(/\D/g, ''))).toBe(open);
      expect(words).toContain('Мугалимдин текшерүүсү:');
      expect(words).toMatch(/Жыйынтыктоочу баа жок: \d/i);
      await expectInView(page, summary);
      await viewShot(page, '41-close-override-summary-ky');
      expect(await latinWords(page)).toEqual([]);

      // Going back changes nothing; confirming closes day 1 and the board moves to day 2.
      await bar.getByRole('button', { name: 'Жок, кайтуу' }).click();
      await summary.waitFor({ state: 'detached' });
      expect(await openDayOneItems()).toBe(open);
      await override.click();
      await bar.getByRole('button', { name: 'Ооба, себеп менен жабуу' }).click();
      await page.getByRole('tab', { name: '2-күн', selected: true }).waitFor({ timeout: 60_000 });
      expect(await openDayOneItems()).toBe(0);

      // Day 2: one class's copy made as PDF, then opened for printing: in a browser, in a new tab.
      const centre = page.getByTestId('print-centre');
      await centre.getByText('Тандалган класстар').click();
      await centre.getByRole('combobox', { name: 'Тандалган класстар' }).click();
      await page.getByRole('option', { name: '2А', exact: true }).click();
      await page.keyboard.press('Escape');
      await centre.getByRole('button', { name: 'Кагаз көчүрмөлөрдү басып чыгаруу' }).click();
      const ready = centre.getByTestId('printed');
      await ready.getByText('PDF даярдалды: 1 класс', { exact: false }).waitFor({ timeout: 120_000 });
      expect(await ready.innerText()).toContain('басып чыгаруу үчүн ачыңыз');
      // The bytes handed to the new tab are kept as the page made them, to be read back here.
      await page.evaluate(() => {
        const made: Blob[] = [];
        const create = URL.createObjectURL.bind(URL);
        Object.assign(window, { madeBlobs: made });
        URL.createObjectURL = (blob: Blob | MediaSource) => {
          if (blob instanceof Blob) made.push(blob);
          return create(blob);
        };
      });
      const [tab] = await Promise.all([
        page.waitForEvent('popup'),
        ready.getByRole('button', { name: 'Басып чыгаруу үчүн ачуу' }).click(),
      ]);
      await tab.waitForURL(/^blob:/);
      await tab.screenshot({ path: path.join(SCREENSHOTS, '44-close-pdf-tab.png') });
      const opened = await page.evaluate(async () => {
        const [blob] = (window as unknown as { madeBlobs: Blob[] }).madeBlobs;
        return { type: blob?.type, head: (await blob?.text())?.slice(0, 5) };
      });
      expect(opened).toEqual({ type: 'application/pdf', head: '%PDF-' });
      await tab.close();
      await viewShot(page, '44-close-pdf-ready-open-to-print-ky');
      expect(await latinWords(page, await codesOnScreen(page))).toEqual([]);
    },
  );
});
