import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { actorOf } from '../../src/core/auth/users';
import { seeCorrectedMark, type CorrectedMark } from '../app/reports-fixture';
import { latinWords, serveDemoSchool, shot, signIn, type Harness } from './harness';

let harness: Harness;
let work: string;
let corrected: CorrectedMark;

/**
 * The small demo school with a deputy, served to Chromium; syncs have seen a corrected mark, and
 * the same mark corrected once more after its class quarter was certified.
 */
beforeAll(async () => {
  const school = await serveDemoSchool('moor-reports-e2e-', ['deputy']);
  ({ harness, work } = school);
  const { mirror: served } = harness.server.service.context;
  const deputy = actorOf(school.staff.deputy);
  corrected = seeCorrectedMark(served, deputy, '2025-11-20T09:00:00.000Z');
  // The same mark corrected again after its quarter's copy was certified.
  seeCorrectedMark(served, deputy, '2025-11-27T09:00:00.000Z', { certified: true });
});
afterAll(async () => {
  await harness.close();
});

/** Types a date as dd.mm.yyyy and closes the field's calendar, which would cover the buttons. */
async function typeDate(page: Page, label: string, date: string) {
  await page.getByRole('textbox', { name: label }).fill(date);
  await page.keyboard.press('Escape');
}

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The texts of every cell of every sheet. */
async function workbookTexts(file: string): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book.worksheets.flatMap((sheet) => {
    const texts: string[] = [];
    sheet.eachRow((row) => {
      row.eachCell((cell) => texts.push(cell.text));
    });
    return texts;
  });
}

describe('the deputies’ reports and the changes seen, through the UI (Kyrgyz)', () => {
  it('a deputy reads the achievement with its chart, exports it to Excel, then the forecast', async () => {
    const page = await harness.newPage();
    onTestFailed(() => shot(page, 'failure-reports'));
    await signIn(page, 'gulnara');
    await page.getByText('Отчеттор', { exact: true }).click();
    await page.getByTestId('report-achievement').click();
    await choose(page, 'Мезгил', '1-чейрек');
    await page.getByRole('button', { name: 'Отчетту түзүү' }).click();
    const chart = page.getByTestId('chart-rates-by-class');
    await chart.waitFor();
    expect(await chart.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('table-classes').locator('tbody tr').count()).toBeGreaterThan(1);
    await shot(page, 'reports-achievement');
    expect(await latinWords(page)).toEqual([]);

    // The edition is named in the interface's words: Kyrgyz calls Russian «Орусча».
    const edition = page.getByTestId('report-export').getByRole('radiogroup', { name: 'Документтин тили' });
    await edition.getByText('Кыргызча', { exact: true }).waitFor();
    await edition.getByText('Орусча', { exact: true }).waitFor();
    const folder = fs.mkdtempSync(path.join(work, 'export-'));
    await page.getByLabel('Папка (толук жолу)').fill(folder);
    await page.getByRole('button', { name: 'Файлга сактоо' }).click();
    await page.getByTestId('report-exported').waitFor();
    const file = path.join(folder, 'achievement-1-ky.xlsx');
    const texts = await workbookTexts(file);
    expect(texts).toContain('№ 1 орто мектеп');
    expect(texts.some((t) => t.includes('Жетишүү'))).toBe(true);
    await shot(page, 'reports-achievement-exported');

    await page.getByTestId('report-forecast').click();
    await choose(page, 'Мезгил', '2-чейрек');
    await typeDate(page, 'Кайсы күнгө карата', '10.12.2025');
    await page.getByRole('button', { name: 'Отчетту түзүү' }).click();
    await page.getByTestId('chart-forecast-by-class').waitFor();
    await page.getByTestId('table-atRisk').waitFor();
    await page.getByTestId('table-backtest').waitFor();
    await shot(page, 'reports-forecast');
    expect(await latinWords(page)).toEqual([]);

    // In Russian: the attendance of the quarter, missed lessons by reason stacked.
    await page.getByRole('radiogroup', { name: 'Тил' }).getByText('Русский', { exact: true }).click();
    await page.getByTestId('report-attendance').click();
    await page.getByRole('button', { name: 'Составить отчёт' }).click();
    const missed = page.getByTestId('chart-missed-by-reason');
    await missed.waitFor();
    expect(await missed.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    await page.getByText('Посещаемость, %').first().waitFor();
    await shot(page, 'reports-attendance-ru');
    const editionRu = page.getByTestId('report-export').getByRole('radiogroup', { name: 'Язык документа' });
    await editionRu.getByText('Кыргызский', { exact: true }).waitFor();
    expect(await latinWords(page)).toEqual([]);
    // The language is remembered on this computer: back to Kyrgyz for whoever signs in next.
    await page.getByRole('radiogroup', { name: 'Язык' }).getByText('Кыргызча', { exact: true }).click();
  });

  it('every report builds and draws its charts, weekly activity for one week', async () => {
    const page = await harness.newPage();
    onTestFailed(() => shot(page, 'failure-every-report'));
    await signIn(page, 'gulnara');
    await page.getByText('Отчеттор', { exact: true }).click();
    for (const name of ['journal-keeping', 'mark-accumulation', 'monthly-filling', 'weekly-activity']) {
      await page.getByTestId(`report-${name}`).click();
      if (name === 'weekly-activity') {
        await page.getByText('Күндөр аралыгы', { exact: true }).click();
        await typeDate(page, 'Башталышы', '15.09.2025');
        await typeDate(page, 'Аягы', '21.09.2025');
      } else {
        await choose(page, 'Мезгил', '1-чейрек');
      }
      await page.getByRole('button', { name: 'Отчетту түзүү' }).click();
      await page.getByTestId('report-result').waitFor();
      expect(await page.getByRole('alert').count()).toBe(0);
      expect(await page.locator('.recharts-surface').count()).toBeGreaterThan(0);
      if (name === 'weekly-activity') await page.getByTestId('activity-grid').waitFor();
      await shot(page, `reports-${name}`);
      expect(await latinWords(page)).toEqual([]);
    }
  });

  it('the changes screen lists the corrected mark, the one in a certified copy in red', async () => {
    const page = await harness.newPage();
    onTestFailed(() => shot(page, 'failure-changes'));
    await signIn(page, 'gulnara');
    await page.getByText('Байкалган өзгөртүүлөр', { exact: true }).click();
    const marks = page.locator('[data-testid="change-row"][data-kind="mark_changed"]');
    await marks.first().waitFor();
    expect(await marks.count()).toBe(2);
    const [certified, plain] = [marks.nth(0), marks.nth(1)];
    expect(await certified.getAttribute('data-certified')).toBe('true');
    expect(await certified.innerText()).toContain('Күбөлөндүрүлгөн');
    expect(await plain.getAttribute('data-certified')).toBe('false');
    const text = await plain.innerText();
    expect(text).toContain('Баа оңдолгон');
    expect(text).toContain(corrected.className);
    expect(text).toContain(`${corrected.before} → ${corrected.after}`);
    expect(text).toContain('20.11.2025');
    await shot(page, 'changes');
    expect(await latinWords(page)).toEqual([]);

    await choose(page, 'Класс', corrected.className);
    await typeDate(page, 'Качантан бери', '21.11.2025');
    await expect.poll(() => marks.count()).toBe(1);
    await typeDate(page, 'Качантан бери', '01.12.2025');
    await page.getByText('Тандалган шарттар боюнча өзгөртүү жок.').waitFor();
  });
});
