import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { actorOf } from '../../src/core/auth/users';
import { printClassCopy, type PrintedClassCopy } from '../../src/core/documents';
import { latinWords, serveDemoSchool, shot, signIn, type Harness } from './harness';

let harness: Harness;
let copy: PrintedClassCopy;

/** The small demo school with one printed class copy, whose pages the secretary checks. */
beforeAll(async () => {
  const school = await serveDemoSchool('moor-check-copy-e2e-', ['deputy', 'secretary']);
  harness = school.harness;
  const served = harness.server.service.context.mirror;
  const row = (sql: string) => served.sqlite.prepare(sql).get() as { id: number };
  copy = await printClassCopy(served, {
    classId: row("SELECT id FROM class WHERE grade = 8 AND letter = 'А'").id,
    periodId: row("SELECT id FROM reporting_period WHERE kind = 'quarter' AND number = 1").id,
    language: 'ky',
    outDir: school.work,
    actor: actorOf(school.staff.deputy),
    clock: () => new Date('2025-11-04T06:00:00Z'),
  });
}, 240_000);
afterAll(async () => {
  await harness.close();
});

describe('a paper page checked in the window', () => {
  it('the secretary scans a page: the copy, its page, that it is in force; a wrong code is refused', async () => {
    const page = await harness.newPage();
    onTestFailed(() => shot(page, 'failure-check-copy'));
    await signIn(page, 'nurjan');
    await page.locator('nav').getByText('Реестрлер', { exact: true }).click();
    const field = page.getByTestId('check-copy-code');
    // A USB scanner types the QR code's text and presses Enter.
    await field.fill(`${copy.documentId}|${copy.dataFingerprint.slice(0, 12)}|3`);
    await field.press('Enter');
    const result = page.getByTestId('check-copy-result');
    await result.getByText('Күчүндөгү көчүрмө').waitFor();
    const text = await result.innerText();
    expect(text).toContain(`3-бет, бардыгы ${copy.pages}`);
    expect(text).toContain('8А класс, 1-чейрек, 2025-2026');
    expect(text).toContain('Басылгандан бери журналда өзгөрүү жок');
    expect(text).toContain('Архив реестрине али киргизиле элек');
    await shot(page, '40-check-copy-ky');
    const idWords = copy.documentId.split(/[^A-Za-z]+/).concat(copy.dataFingerprint.slice(0, 12));
    expect(await latinWords(page, idWords)).toEqual([]);

    await page.getByRole('radiogroup', { name: 'Тил' }).getByText('Русский').click();
    await field.fill('Q9-2025-8А-ky-00000000');
    await field.press('Enter');
    await page.getByText('Напечатанной копии с таким кодом нет').waitFor();
    await field.fill(`${copy.documentId} · ${copy.dataFingerprint.slice(0, 12)}`);
    await field.press('Enter');
    await result.getByText('Действующая копия').waitFor();
    expect(await result.innerText()).toContain(`Всего ${copy.pages} стр.`);
    await shot(page, '41-check-copy-ru');
    expect(await latinWords(page, idWords)).toEqual([]);
    await page.getByRole('radiogroup', { name: 'Язык' }).getByText('Кыргызча').click();
  });
});
