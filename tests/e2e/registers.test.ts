import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { actorOf } from '../../src/core/auth/users';
import { createBackup } from '../../src/core/backup/create-backup';
import { addArchiveEntry } from '../../src/core/registers/archive-register';
import { SETUP } from '../app/fixture';
import { testKdf } from '../backup/fixture';
import { copyWithUnknownStudent, writeJournalWorkbook } from '../mirror/journal-workbook';
import { latinWords, serveDemoSchool, shot, signIn, type Harness } from './harness';

let harness: Harness;
let work: string;
let backupDir: string;
let workbook: string;

/**
 * The small demo school, set up, with a deputy and a secretary, four certified copies in the
 * archive register, a backup on a "drive" and a class journal saved from Kundoluk.
 */
beforeAll(async () => {
  const school = await serveDemoSchool('moor-registers-e2e-', ['deputy', 'secretary']);
  ({ harness, work } = school);
  const { deputy, secretary } = school.staff;
  const served = harness.server.service.context.mirror;
  const classes = served.sqlite
    .prepare('SELECT id, grade || letter AS name FROM class WHERE grade IN (5, 8) ORDER BY grade, letter')
    .all() as { id: number; name: string }[];
  const quarter = served.sqlite
    .prepare("SELECT id FROM reporting_period WHERE kind = 'quarter' AND number = 1")
    .get() as { id: number };
  for (const [index, schoolClass] of classes.entries()) {
    addArchiveEntry(served, {
      actor: actorOf(secretary),
      classId: schoolClass.id,
      periodId: quarter.id,
      documentTitle: 'Класстын журналынын кагаз көчүрмөсү',
      documentRef: `Q1-2025-${schoolClass.name}`,
      pages: 10 + index,
      receivedOn: '2025-11-03',
      handedOverBy: 'Сыдыкова Гүлнара',
      receivedBy: 'Токтогулова Нуржан',
      directorSigned: true,
      stamped: index % 2 === 0,
    });
  }
  const drive = path.join(work, 'usb');
  fs.mkdirSync(drive);
  ({ backupPath: backupDir } = await createBackup(served, {
    targetDir: drive,
    passphrase: SETUP.backupPassphrase,
    actor: actorOf(deputy),
    clock: () => new Date(),
    mediumLabel: 'Флешка №1',
    keyDerivation: testKdf,
  }));
  const eighth = classes.find((c) => c.name.startsWith('8'));
  if (!eighth) throw new Error('no class 8');
  workbook = path.join(work, `${eighth.name}-1.xlsx`);
  await writeJournalWorkbook(served, workbook, eighth.id, 1);
}, 240_000);
afterAll(async () => {
  await harness.close();
});

async function open(page: Page, screen: string) {
  await page.locator('nav').getByText(screen, { exact: true }).click();
}

describe('registers, sync and restore through the UI (Kyrgyz)', () => {
  it('the secretary finds copies, sets a folder number and writes the register to Excel', async () => {
    const page = await harness.newPage();
    onTestFailed(() => shot(page, 'failure-registers-secretary'));
    await signIn(page, 'nurjan');
    await open(page, 'Реестрлер');
    await page.getByTestId('archive-register').waitFor();
    await shot(page, '30-registers-archive-ky');
    expect(await latinWords(page)).toEqual([]);

    await page.getByLabel('Издөө (класс, документ, папка, адам)').fill('8а');
    await page.getByTestId('archive-count').getByText('Табылган саптар: 1').waitFor();
    const row = page.getByTestId('archive-register').locator('tbody tr');
    expect(await row.count()).toBe(1);
    await page.getByRole('button', { name: /^Өзгөртүү / }).click();
    await page.getByLabel('Папка (иш) №').fill('04-2025/1');
    await page.getByLabel('Сакталган жери').fill('Архив бөлмөсү, 3-текче');
    await page.getByLabel('Тигилген').check();
    await shot(page, '31-registers-archive-edit-ky');
    expect(await latinWords(page)).toEqual([]);
    await page.getByRole('button', { name: 'Сактоо' }).click();
    await row.getByText('04-2025/1').waitFor();

    await page.getByRole('button', { name: 'Басып чыгаруу жана Эксель' }).click();
    await page.getByText('Эксель жадыбалы').click();
    const out = path.join(work, 'архивдик-реестр.xlsx');
    await page.getByLabel('Файл кайда жазылат').fill(out);
    await page.getByRole('dialog').getByRole('button', { name: 'Сактоо' }).click();
    await page.getByTestId('register-written').waitFor();
    await shot(page, '32-registers-archive-excel-ky');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const cells = JSON.stringify(book.worksheets.map((s) => s.getSheetValues()));
    expect(cells).toContain('04-2025/1');
    expect(cells).toContain('Архив бөлмөсү, 3-текче');
    // Only the line found on screen is written.
    expect(cells).not.toContain('Q1-2025-5');

    // The same registers in Russian: the folder inventory of the first quarter.
    await page.keyboard.press('Escape');
    await page.getByRole('radiogroup', { name: 'Тил' }).getByText('Русский').click();
    await page.getByRole('tab', { name: 'Опись папки' }).click();
    await page.getByRole('combobox', { name: 'Папка какого периода' }).click();
    await page.getByRole('option', { name: '1-я четверть' }).click();
    await page.getByText('Всего листов: 21').waitFor();
    await shot(page, '38-registers-inventory-ru');
    expect(await latinWords(page)).toEqual([]);
    // The language stays chosen on this computer: back to Kyrgyz for the next person.
    await page.getByRole('radiogroup', { name: 'Язык' }).getByText('Кыргызча').click();
    await page.getByText('Папканын тизмеси').waitFor();

    // She changes her own password: a wrong current one is refused inside the card, and only the
    // new one signs her in afterwards.
    await open(page, 'Жөндөөлөр');
    const ownPassword = page.locator('.mantine-Card-root', { hasText: 'Өз сырсөзүмдү өзгөртүү' });
    await ownPassword.getByLabel('Азыркы сырсөз').fill('not-her-password');
    await ownPassword.getByLabel('Жаңы сырсөз').fill('nurjan-pass-2');
    await ownPassword.getByRole('button', { name: 'Сактоо' }).click();
    await ownPassword.getByRole('alert').getByText('Логин же сырсөз туура эмес.').waitFor();
    await ownPassword.getByLabel('Азыркы сырсөз').fill('nurjan-pass-1');
    await ownPassword.getByRole('button', { name: 'Сактоо' }).click();
    await ownPassword.getByText('Сырсөз өзгөртүлдү').waitFor();
    expect(await ownPassword.getByLabel('Жаңы сырсөз').inputValue()).toBe('');
    await signIn(await harness.newPage(), 'nurjan', 'nurjan-pass-2');
  });

  it('a deputy imports a class journal workbook, and a broken one is named by file, sheet and cell', async () => {
    const page = await harness.newPage();
    onTestFailed(() => shot(page, 'failure-registers-sync'));
    await signIn(page, 'gulnara');
    await open(page, 'Маалыматты жаңылоо');
    await page.getByLabel('Класс журналынын Эксель файлы').fill(workbook);
    await page.getByRole('button', { name: 'Жаңылоону баштоо' }).click();
    await page.getByTestId('sync-result').waitFor({ timeout: 60_000 });
    await page.getByTestId('sync-runs').getByText(path.basename(workbook)).waitFor();
    await shot(page, '33-sync-workbook-done-ky');
    // The coverage names the workbook as what brought 8А's subjects, beside the earlier syncs.
    const coverage = page.getByTestId('coverage');
    await coverage
      .getByText(`${path.basename(workbook)} (журнал файлы`)
      .first()
      .waitFor();
    await coverage.scrollIntoViewIfNeeded();
    await shot(page, '33b-sync-coverage-ky');
    // The file's name, as the deputy chose it, is the only Latin on the page.
    expect(await latinWords(page, ['xlsx'])).toEqual([]);

    const broken = await copyWithUnknownStudent(workbook);
    await page.getByLabel('Класс журналынын Эксель файлы').fill(broken.file);
    await page.getByRole('button', { name: 'Жаңылоону баштоо' }).click();
    await page.locator('[data-error-code="WORKBOOK_STUDENT"]').waitFor({ timeout: 60_000 });
    const where = await page.getByTestId('job-error-where').innerText();
    expect(where).toContain(path.basename(workbook));
    expect(where).toContain(`барак ${broken.sheet}`);
    expect(where).toContain(`уяча ${broken.cell}`);
    await shot(page, '34-sync-workbook-error-ky');
    expect(await latinWords(page, ['xlsx'])).toEqual([]);
  });

  it('the admin restores a backup: a wrong passphrase changes nothing, the right one restores', async () => {
    const page = await harness.newPage();
    onTestFailed(() => shot(page, 'failure-registers-restore'));
    await signIn(page, 'admin', SETUP.admin.password);
    await open(page, 'Реестрлер');
    await page.getByRole('tab', { name: 'Резервдик көчүрмөлөр' }).click();
    await page.getByTestId('restore-panel').waitFor();
    await page.getByLabel('Резервдик көчүрмөнүн папкасы').fill(backupDir);
    await page.getByLabel('Сырсөз айкашы', { exact: true }).fill('туура эмес айкаш');
    await page.getByRole('button', { name: 'Текшерүү' }).click();
    await page.locator('[data-error-code="BACKUP_WRONG_PASSPHRASE"]').waitFor({ timeout: 60_000 });
    await page.getByTestId('backup-uses').getByText('Ийгиликсиз').first().waitFor();
    await shot(page, '35-restore-wrong-passphrase-ky');
    // Folder names are the drive's, not the app's words.
    const folders = [...backupDir.split(path.sep), path.basename(harness.dbPath)].flatMap((part) =>
      part.split(/[^A-Za-z]+/),
    );
    expect(await latinWords(page, folders)).toEqual([]);

    await page.getByLabel('Сырсөз айкашы', { exact: true }).fill(SETUP.backupPassphrase);
    await page.getByRole('button', { name: 'Текшерүү' }).click();
    await page.getByTestId('restore-verified').waitFor({ timeout: 60_000 });
    await page.getByLabel('Себеби (колдонуу реестрине жазылат)').fill('Мектептин компьютери алмаштырылды');
    await page.getByRole('button', { name: 'Калыбына келтирүү' }).click();
    await page.getByRole('alert').getByRole('button', { name: 'Калыбына келтирүү' }).click();
    await page.getByTestId('restore-done').waitFor({ timeout: 60_000 });
    await page.getByTestId('backup-uses').getByText('Калыбына келтирүү').last().waitFor();
    await shot(page, '36-restore-done-ky');
    // The previous mirror's file name (…sqlite.pre-restore-…) is shown for the IT person to find it.
    expect(await latinWords(page, [...folders, 'pre', 'restore'])).toEqual([]);
    // The restored mirror keeps the secretary's register work made after the backup.
    await page.getByRole('tab', { name: 'Архивдик реестр' }).click();
    await page.getByTestId('archive-register').getByText('04-2025/1').waitFor();

    // Settings: the Kundoluk token is taken but never shown back; the quarters' dates are edited.
    await open(page, 'Жөндөөлөр');
    const kundoluk = page.getByTestId('kundoluk-service');
    await kundoluk.getByLabel('Күндөлүктүн дареги').fill('https://kundoluk.example.kg/api/');
    await kundoluk.getByRole('button', { name: 'Сактоо' }).click();
    await kundoluk.getByText('Күндөлүккө туташуу сакталды.').waitFor();
    await page.getByLabel('Күндөлүктүн токени').fill('e2e-secret-token');
    await page.getByRole('button', { name: 'Сактоо' }).first().click();
    await page.getByTestId('token-state').getByText('Токен сакталган').waitFor();
    expect(await page.getByLabel('Күндөлүктүн токени').inputValue()).toBe('');
    await shot(page, '37-settings-admin-ky');
    expect(await latinWords(page)).toEqual([]);

    // The next school year, proposed after the mirror's latest one, is added and chosen; a label
    // that does not match its dates is refused, naming the field as the form labels it.
    const newYear = page.getByTestId('new-school-year');
    const label = newYear.getByLabel('Окуу жылы (мисалы, 2026-2027)');
    expect(await label.inputValue()).toBe('2026-2027');
    await newYear.getByRole('button', { name: 'Окуу жылын кошуу' }).click();
    await newYear.getByText('2026-2027 окуу жылы кошулду.').waitFor();
    const chosenYear = page.getByTestId('school-year').getByLabel('Окуу жылы', { exact: true });
    await expect.poll(() => chosenYear.inputValue()).toBe('2026-2027');
    await expect.poll(() => label.inputValue()).toBe('2027-2028');
    await label.fill('2026–2027');
    await newYear.getByRole('button', { name: 'Окуу жылын кошуу' }).click();
    await newYear.getByRole('alert').getByText('Маалымат туура эмес толтурулган').waitFor();
    await shot(page, '37b-settings-new-school-year-ky');
    expect(await latinWords(page)).toEqual([]);

    // The school's name misspelled at setup is corrected; a one-letter name is refused, naming the
    // field as the form labels it; the header and the dashboard then show the corrected name.
    const school = page.getByTestId('school-details');
    const nameKy = school.getByLabel('Мектептин аталышы (кыргызча)');
    expect(await nameKy.inputValue()).toBe(SETUP.school.nameKy);
    await nameKy.fill('М');
    await school.getByRole('button', { name: 'Сактоо' }).click();
    await school
      .getByRole('alert')
      .getByText('Маалымат туура эмес толтурулган: Мектептин аталышы (кыргызча).')
      .waitFor();
    const corrected = 'Кара-Балта шаарындагы № 1 орто мектеп';
    await nameKy.fill(corrected);
    await school.getByRole('button', { name: 'Сактоо' }).click();
    await school.getByText('Мектептин аталышы жана дареги сакталды.').waitFor();
    await shot(page, '37c-settings-school-name-ky');
    expect(await latinWords(page)).toEqual([]);
    await page.getByRole('banner').getByText(corrected).waitFor();
    await open(page, 'Башкы бет');
    await page.getByRole('main').getByText(corrected).first().waitFor();
    await open(page, 'Жөндөөлөр');
    expect(
      await page.getByTestId('school-details').getByLabel('Мектептин аталышы (кыргызча)').inputValue(),
    ).toBe(corrected);

    // Staff: Kundoluk sends everyone as a teacher; the admin makes one the secretary and chooses a
    // class teacher, each saved in the mirror at once. The new year has no classes yet: the card
    // shows the year that has them.
    const served = harness.server.service.context.mirror;
    const teacher = served.sqlite
      .prepare(
        `SELECT min(id) AS id, last_name || ' ' || first_name || coalesce(' ' || middle_name, '') AS name
         FROM staff WHERE position = 'teacher' GROUP BY name HAVING count(*) = 1 ORDER BY 1`,
      )
      .get() as { id: number; name: string };
    const schoolClass = served.sqlite
      .prepare(
        'SELECT id, grade || letter AS name FROM class WHERE class_teacher_id IS NOT ? ORDER BY grade, letter',
      )
      .get(teacher.id) as { id: number; name: string };
    await open(page, 'Колдонуучулар');
    const staff = page.getByTestId('staff');
    await staff.getByText('Кызматкерлер').first().waitFor();
    await staff.getByLabel(`Кызматы: ${teacher.name}`).click();
    await page.getByRole('option', { name: 'Катчы', exact: true }).click();
    await expect
      .poll(() => served.sqlite.prepare('SELECT position FROM staff WHERE id = ?').pluck().get(teacher.id))
      .toBe('secretary');
    const classTeacher = staff.getByLabel(`${schoolClass.name} — Класс жетекчи`);
    await classTeacher.fill(teacher.name);
    await page.getByRole('option', { name: teacher.name, exact: true }).first().click();
    await expect
      .poll(() =>
        served.sqlite.prepare('SELECT class_teacher_id FROM class WHERE id = ?').pluck().get(schoolClass.id),
      )
      .toBe(teacher.id);
    expect(await classTeacher.inputValue()).toBe(teacher.name);
    await shot(page, '37d-users-staff-ky');
    expect(await latinWords(page, ['admin', 'gulnara', 'nurjan'])).toEqual([]);
  });
});
