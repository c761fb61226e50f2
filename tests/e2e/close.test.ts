import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { codesOnScreen, latinWords, serveDemoSchool, shot, signIn, type Harness } from './harness';

const PASSPHRASE = 'a long school passphrase';
let harness: Harness;
let work: string;
let fullDrive: string | undefined;

/** The small demo school, set up, with one user per role, served to Chromium. */
beforeAll(async () => {
  ({ harness, work } = await serveDemoSchool('moor-close-', ['deputy', 'secretary', 'director']));
  // A drive with no room: a 64 KiB RAM disk, to see the full-drive refusal as the deputy would.
  const drive = path.join(work, 'full-drive');
  fs.mkdirSync(drive);
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', drive]);
  fullDrive = drive;
});
afterAll(async () => {
  if (fullDrive) execFileSync('umount', [fullDrive]);
  await harness.close();
});

async function signInToClose(page: Page, login: string) {
  await signIn(page, login);
  await page.getByText('Чейрек жабуу').first().click();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Чыгуу' }).click();
  await page.getByLabel('Колдонуучу аты').waitFor();
}

async function backUp(page: Page, drive: string, label: string) {
  await page.locator('input[name="targetDir"]').fill(drive);
  await page.locator('input[name="mediumLabel"]').fill(label);
  await page.getByRole('button', { name: 'Кийинки' }).click();
  await page.locator('input[name="passphrase"]').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Резервдик көчүрмө жасап, текшерүү' }).click();
}

/**
 * Runs in the page: whether more than 1 % of the preview canvas's pixels are not white, so a page
 * that PDF.js did draw is told from a blank canvas.
 */
function previewDrawn(): boolean {
  const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="preview-canvas"]');
  const context = canvas?.getContext('2d');
  if (!canvas || !context || canvas.width === 0) return false;
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  let inked = 0;
  for (let i = 0; i < data.length; i += 4) {
    if ((data[i] ?? 255) < 200 || (data[i + 1] ?? 255) < 200 || (data[i + 2] ?? 255) < 200) inked += 1;
  }
  return inked / (data.length / 4) > 0.01;
}

async function clickAll(page: Page, name: string) {
  for (;;) {
    const button = page.getByRole('button', { name, exact: true }).first();
    if ((await button.count()) === 0) return;
    await button.click();
    await page.waitForTimeout(50);
  }
}

describe('the five-day close through the UI, role by role (Kyrgyz)', () => {
  it(
    'deputy, director and secretary close the first quarter of the demo school',
    { timeout: 420_000 },
    async () => {
      const page = await harness.newPage();
      onTestFailed(() => shot(page, 'failure-close'));
      await signInToClose(page, 'gulnara');
      await page.getByRole('combobox', { name: 'Мезгил' }).click();
      await page.getByRole('option', { name: '1-чейрек' }).click();
      await page.getByRole('button', { name: 'Жабууну баштоо' }).click();
      await page.getByTestId('day-board').waitFor();

      await page.getByRole('button', { name: 'Текшерүүнү жүргүзүү' }).click();
      await page.getByText('Мугалимдер боюнча текшерүү тизмеси').waitFor();
      await shot(page, '10-close-day1-checklists-ky');
      expect(await latinWords(page)).toEqual([]);
      // Thirty classes' lists are worked through by teacher, class, rule and state.
      const filters = page.getByTestId('check-list-filters');
      const teacherBlocks = page.getByTestId('check-list-teacher');
      expect(await teacherBlocks.count()).toBeGreaterThan(1);
      await filters.getByRole('combobox', { name: 'Мугалим' }).click();
      await page.getByRole('option').first().click();
      await expect.poll(() => teacherBlocks.count()).toBe(1);
      await filters.getByRole('combobox', { name: 'Абалы' }).click();
      await page.getByRole('option', { name: 'Текшерилди', exact: true }).click();
      await page.getByText('Тандалгандарга туура келген сап жок.').waitFor();
      await shot(page, '10-close-day1-filtered-ky');
      // Choosing the chosen option again takes the filter off.
      await filters.getByRole('combobox', { name: 'Абалы' }).click();
      await page.getByRole('option', { name: 'Текшерилди', exact: true }).click();
      await filters.getByRole('combobox', { name: 'Мугалим' }).click();
      await page.getByRole('option').first().click();
      await expect.poll(() => teacherBlocks.count()).toBeGreaterThan(1);

      // An override needs a written reason; it says what it covers and asks before it is made.
      await page.getByRole('button', { name: 'Себеп менен жабуу', exact: true }).click();
      await page.getByTestId('override-summary').waitFor();
      await page.getByRole('button', { name: 'Ооба, себеп менен жабуу' }).click();
      await page
        .locator('[data-error-code="CLOSE_REASON_REQUIRED"]')
        .getByText('Себебин толук жазыңыз.')
        .waitFor();
      await shot(page, '11-close-override-without-reason-ky');
      expect(await latinWords(page)).toEqual([]);
      await page
        .locator('textarea[name="overrideReason"]')
        .fill('Мугалимдер ооруп калышты; жыйынтыктарды орун басар Сыдыкова Г. текшерди.');
      await page.getByRole('button', { name: 'Себеп менен жабуу', exact: true }).click();
      await page.getByRole('button', { name: 'Ооба, себеп менен жабуу' }).click();
      await page.getByRole('tab', { name: '2-күн', selected: true }).waitFor();

      await page.getByRole('button', { name: 'Кагаз көчүрмөлөрдү басып чыгаруу' }).click();
      await page.getByTestId('printed').waitFor({ timeout: 90_000 });
      await shot(page, '12-close-day2-print-centre-ky');
      expect(await latinWords(page, await codesOnScreen(page))).toEqual([]);

      // Before the print shop: the preview of one class's copy draws the recorded PDF's pages, in
      // PDF.js's own worker (it falls back to the page's thread, with a warning, if the CSP or the
      // file's type stopped the worker).
      const pdfWarnings: string[] = [];
      page.on('console', (message) => {
        if (/fake worker|content security policy|isEvalSupported/i.test(message.text())) {
          pdfWarnings.push(message.text());
        }
      });
      await page
        .getByTestId('printed-copies')
        .getByRole('button', { name: 'Алдын ала көрүү' })
        .first()
        .click();
      const preview = page.getByRole('dialog');
      const counter = preview.getByTestId('preview-page');
      await counter.getByText(/^Барак 1 \/ \d+$/).waitFor({ timeout: 30_000 });
      const pageCount = Number((await counter.innerText()).split('/')[1]);
      expect(pageCount).toBeGreaterThan(1);
      await page.waitForFunction(previewDrawn, undefined, { timeout: 30_000 });
      await shot(page, '12-close-day2-preview-page-1-ky');
      await preview.getByRole('button', { name: 'Кийинки барак' }).click();
      await counter.getByText(`Барак 2 / ${String(pageCount)}`).waitFor();
      await page.waitForFunction(previewDrawn, undefined, { timeout: 30_000 });
      await preview.getByRole('button', { name: 'Чоңойтуу' }).click();
      await page.waitForFunction(previewDrawn, undefined, { timeout: 30_000 });
      await shot(page, '12-close-day2-preview-page-2-larger-ky');
      expect(await latinWords(page, await codesOnScreen(page))).toEqual([]);
      expect(pdfWarnings).toEqual([]);
      await page.keyboard.press('Escape');
      await preview.waitFor({ state: 'detached' });

      // The first drive is full: the deputy is told so in Kyrgyz, and takes another one.
      await backUp(page, fullDrive ?? '', 'Кичинекей флешка');
      await page.locator('[data-error-code="BACKUP_DRIVE_FULL"]').waitFor({ timeout: 60_000 });
      await page.getByTestId('backup-failed').waitFor();
      await shot(page, '13-close-day2-backup-drive-full-ky');
      expect(await latinWords(page, await codesOnScreen(page))).toEqual([]);
      await page.getByRole('button', { name: 'Башка диск тандоо' }).click();
      const usbDrive = path.join(work, 'usb-drive');
      fs.mkdirSync(usbDrive);
      await backUp(page, usbDrive, 'Флешка №2, сейфте');
      // Day 2 is done: the board moves on to day 3; the backup's register number stays on day 2.
      await page.getByRole('tab', { name: '3-күн', selected: true }).waitFor({ timeout: 90_000 });
      await page.getByRole('tab', { name: '2-күн' }).click();
      await page.getByTestId('backup-done').getByText('реестриндеги № 2').waitFor();
      await shot(page, '13-close-day2-backup-registered-ky');
      expect(await latinWords(page, await codesOnScreen(page))).toEqual([]);

      // Day 3: the tracker by teacher, printed for one teacher, then every signature recorded.
      await page.getByRole('tab', { name: '3-күн' }).click();
      await page.getByTestId('signature-grid').waitFor();
      await page.getByRole('combobox', { name: 'Мугалим боюнча' }).click();
      await page.getByRole('option').nth(1).click();
      await page.getByRole('button', { name: 'Мугалимдин тизмесин басып чыгаруу' }).click();
      await page.getByTestId('tracker-printed').waitFor();
      await shot(page, '14-close-day3-tracker-one-teacher-ky');
      expect(await latinWords(page, await codesOnScreen(page))).toEqual([]);
      await clickAll(page, 'Кол коюлду деп белгилөө');
      await page.getByTestId('nothing-outstanding').waitFor();
      await page.getByRole('combobox', { name: 'Мугалим боюнча' }).click();
      await page.getByRole('option', { name: 'Бардык мугалимдер' }).click();
      await shot(page, '14-close-day3-tracker-one-teacher-signed-ky');
      await clickAll(page, 'Кол коюлду деп белгилөө');
      // Every page signed: the board moves on to day 4; day 3 keeps its dated grid.
      await page.getByRole('tab', { name: '4-күн', selected: true }).waitFor();
      await page.getByRole('tab', { name: '3-күн' }).click();
      await page.getByTestId('nothing-outstanding').waitFor();
      await shot(page, '14-close-day3-all-signed-ky');
      expect(await latinWords(page, await codesOnScreen(page))).toEqual([]);

      // A mark of 8А changes after its copy was signed (a correction synced from the e-journal):
      // the deputy re-prints 8А, its signatures become void, and the teachers sign again.
      const { mirror: served } = harness.server.service.context;
      served.sqlite
        .prepare(
          `UPDATE mark SET value = '5', numeric_value = 5 WHERE id = (
             SELECT m.id FROM mark m JOIN lesson l ON l.id = m.lesson_id JOIN class c ON c.id = l.class_id
             WHERE c.grade = 8 AND l.date BETWEEN '2025-09-01' AND '2025-10-31' AND m.value = '4' LIMIT 1)`,
        )
        .run();
      await page.getByRole('tab', { name: '2-күн' }).click();
      await page.getByTestId('print-centre').getByText('Тандалган класстар').click();
      await page.getByPlaceholder('Класстарды тандаңыз').click();
      await page.getByRole('option', { name: '8А' }).click();
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Кагаз көчүрмөлөрдү басып чыгаруу' }).click();
      // Days 3 and 4 reopen: the board goes back to day 3; day 2 lists the copy as re-printed.
      await page.getByRole('tab', { name: '3-күн', selected: true }).waitFor({ timeout: 90_000 });
      await page.getByRole('tab', { name: '2-күн' }).click();
      await page.getByTestId('printed-copies').getByText('Кайра басылды').waitFor();
      await shot(page, '14-close-day2-reprinted-8A-ky');
      expect(await latinWords(page, await codesOnScreen(page))).toEqual([]);
      await page.getByRole('tab', { name: '3-күн' }).click();
      await page.getByTestId('voided-signatures').waitFor();
      await shot(page, '14-close-day3-signatures-void-after-reprint-ky');
      expect(await latinWords(page, await codesOnScreen(page))).toEqual([]);
      expect(await page.locator('[data-status="voided"]').count()).toBeGreaterThan(0);
      await clickAll(page, 'Кол коюлду деп белгилөө');
      await page.getByRole('tab', { name: '4-күн', selected: true }).waitFor();
      await page.getByRole('tab', { name: '4-күн' }).click();
      await page.getByTestId('title-certification').waitFor();
      await shot(page, '15-close-day4-title-pages-ky');
      expect(await latinWords(page)).toEqual([]);
      await clickAll(page, 'Күбөлөндүрүлдү деп белгилөө');
      await page.getByRole('tab', { name: '5-күн', selected: true }).waitFor();
      // The hand-over cannot be taken back: it asks first, and "no" leaves the close as it was.
      const handOver = page.getByRole('button', { name: 'Катчыга тапшырылды деп белгилөө' });
      await handOver.click();
      await page
        .getByText('Тапшыргандан кийин чейрек жабууну жокко чыгарууга болбойт.', { exact: false })
        .waitFor();
      await shot(page, '16-close-day5-handover-confirm-ky');
      await page.getByRole('button', { name: 'Жок, кайтуу' }).click();
      expect(await handOver.count()).toBe(1);
      await handOver.click();
      await page.getByRole('button', { name: 'Ооба, белгилөө' }).click();
      await handOver.waitFor({ state: 'detached' });
      await shot(page, '16-close-day5-handed-over-ky');
      expect(await latinWords(page)).toEqual([]);
      await signOut(page);

      await signInToClose(page, 'bakyt');
      await page.getByRole('tab', { name: '5-күн', selected: true }).waitFor();
      // Before signing, the director reads the days closed with a reason.
      await page.getByRole('button', { name: 'Директор кол койду деп белгилөө' }).click();
      await page.getByTestId('overrides-before-signing').waitFor();
      await shot(page, '17-close-day5-director-confirm-ky');
      await page.getByRole('button', { name: 'Ооба, белгилөө' }).click();
      await page
        .getByRole('button', { name: 'Директор кол койду деп белгилөө' })
        .waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Мөөр басылды деп белгилөө' }).click();
      await page.getByRole('button', { name: 'Ооба, белгилөө' }).click();
      await page.getByRole('button', { name: 'Мөөр басылды деп белгилөө' }).waitFor({ state: 'detached' });
      await shot(page, '17-close-day5-signed-stamped-director-ky');
      await signOut(page);

      await signInToClose(page, 'nurjan');
      await page.getByRole('button', { name: 'Папканы түзүп, жабууну аяктоо' }).click();
      await page.getByRole('button', { name: 'Ооба, белгилөө' }).click();
      await page.getByText('Аяктады').first().waitFor();
      await shot(page, '18-close-completed-secretary-ky');
      expect(await latinWords(page)).toEqual([]);
      // The dashboard shows the close's five days too.
      await page.getByText('Башкы бет').first().click();
      await page.getByTestId('current-close').getByText('Аяктады').first().waitFor();
      await shot(page, '18-close-completed-dashboard-ky');
      expect(await latinWords(page)).toEqual([]);
      await page.getByText('Чейрек жабуу').first().click();
      // The secretary reads the finished close and its signature grid in Russian too.
      await page.getByRole('radiogroup', { name: 'Тил' }).getByText('Русский').click();
      await page.getByRole('heading', { name: 'Закрытие четверти' }).waitFor();
      await page.getByRole('combobox', { name: 'Период' }).click();
      await page.getByRole('option', { name: '1-я четверть' }).click();
      await page.getByRole('tab', { name: /^3/ }).click();
      await page.getByTestId('signature-grid').waitFor();
      await shot(page, '19-close-completed-signatures-secretary-ru');
      expect(await latinWords(page, await codesOnScreen(page))).toEqual([]);

      const { mirror } = harness.server.service.context;
      const board = mirror.first(mirror.db.selectFrom('close_run').select(['status']));
      expect(board?.status).toBe('completed');
      // The secretary's archive register holds each class's certified copy, signed and stamped.
      const archive = mirror.all(
        mirror.db
          .selectFrom('archive_register')
          .select(['class_label', 'director_signed', 'stamped'])
          .orderBy('class_label'),
      );
      expect(archive).toEqual([
        { class_label: '5Б класс', director_signed: 1, stamped: 1 },
        { class_label: '8А класс', director_signed: 1, stamped: 1 },
      ]);
      // Both attempts are in the backup register: the full drive's as failed, with its reason.
      const backups = mirror.all(
        mirror.db
          .selectFrom('backup_register')
          .select(['status', 'failure_code', 'medium_label'])
          .orderBy('id'),
      );
      expect(backups).toEqual([
        { status: 'failed', failure_code: 'BACKUP_DRIVE_FULL', medium_label: 'Кичинекей флешка' },
        { status: 'verified', failure_code: null, medium_label: 'Флешка №2, сейфте' },
      ]);
      await page.close();
    },
  );
});
