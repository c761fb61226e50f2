import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { actorOf, type AppUser } from '../../src/core/auth/users';
import { overrideDay, startClose } from '../../src/core/close';
import { latinWords, serveDemoSchool, shot, signIn, type Harness } from './harness';

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

let harness: Harness;
let deputy: AppUser;

beforeAll(async () => {
  const school = await serveDemoSchool('moor-guidance-e2e-', ['deputy', 'secretary', 'director']);
  ({ harness } = school);
  deputy = school.staff.deputy;
});
afterAll(async () => {
  await harness.close();
});

interface ContrastFailure {
  readonly target: string;
  readonly text: string;
  readonly summary: string;
}

/** WCAG AA colour contrast over what the page shows now, by axe-core (the rule set browsers' audits use). */
async function contrastFailures(page: Page): Promise<ContrastFailure[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{
            violations: {
              nodes: { target: string[]; html: string; failureSummary?: string }[];
            }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast'] } });
    return result.violations.flatMap((violation) =>
      violation.nodes.map((node) => ({
        target: node.target.join(' '),
        text: node.html.slice(0, 120),
        summary: node.failureSummary ?? '',
      })),
    );
  });
}

/** The names of the screens in the left-hand list, as the signed-in person sees them. */
async function navNames(page: Page): Promise<string[]> {
  return page
    .locator('nav button')
    .evaluateAll((buttons) =>
      buttons.map((button) => (button.querySelector('.mantine-NavLink-label')?.textContent ?? '').trim()),
    );
}

/** Opens every screen the person may use; on each, what `check` finds must be empty. */
async function everyScreen(
  page: Page,
  login: string,
  check: (page: Page) => Promise<unknown[]>,
): Promise<Record<string, unknown[]>> {
  const found: Record<string, unknown[]> = {};
  for (const name of await navNames(page)) {
    await page.locator('nav button', { hasText: name }).click();
    await page.locator('main h2').first().waitFor();
    // Screens load their data after the first paint; the check reads the settled screen.
    await expect.poll(() => page.locator('main .mantine-Loader-root').count()).toBe(0);
    const problems = await check(page);
    if (problems.length > 0) found[name] = problems;
    await shot(page, `guidance-${login}-${name}`);
  }
  return found;
}

describe('the window guides people who are not computer experts (Kyrgyz)', () => {
  it('F1 opens the guide of the signed-in role, from a field too, with the others’ parts beside it', async () => {
    const page = await harness.newPage();
    onTestFailed(() => shot(page, 'failure-guidance-help'));
    await signIn(page, 'nurjan');
    await page.keyboard.press('F1');
    const drawer = page.getByRole('dialog', { name: 'Жардам: ким эмне кылат' });
    await drawer.getByText('Сиздин ролуңуз: Катчы').waitFor();
    await drawer.getByText('5-күн: орун басардан көчүрмөлөрдү кабыл алып').waitFor();
    await drawer.getByRole('button', { name: 'Директордун орун басары' }).click();
    await drawer.getByText('3-күн: мугалимдер ар бир баракка кол коюшат').waitFor();
    await shot(page, 'guidance-help-secretary-ky');
    expect(await latinWords(page, ['nurjan'])).toEqual([]);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // With the cursor in a text field, F1 and Ctrl+number still work.
    await page.locator('nav button', { hasText: 'Реестрлер' }).click();
    const field = page.locator('main input[type="text"], main input:not([type])').first();
    await field.click();
    await page.keyboard.press('F1');
    await drawer.getByText('Сиздин ролуңуз: Катчы').waitFor();
    await page.keyboard.press('Escape');
    await field.click();
    await page.keyboard.press('Control+1');
    await page.getByRole('heading', { name: 'Башкы бет' }).waitFor();
  });

  it('the left-hand list is reached with Tab and opened with Enter', async () => {
    const page = await harness.newPage();
    onTestFailed(() => shot(page, 'failure-guidance-tab'));
    await signIn(page, 'gulnara');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    let focused = '';
    for (let presses = 0; presses < 30 && focused !== 'Чейрек жабуу'; presses += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() =>
        (document.activeElement?.querySelector('.mantine-NavLink-label')?.textContent ?? '').trim(),
      );
    }
    expect(focused).toBe('Чейрек жабуу');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Чейрек жабуу' }).first().waitFor();
    expect(await page.locator('nav button[aria-current="page"]').innerText()).toContain('Чейрек жабуу');
  });

  it('the audit log reads in Kyrgyz, is searched in Kyrgyz, and each row opens to its details', async () => {
    const page = await harness.newPage();
    onTestFailed(() => shot(page, 'failure-guidance-audit'));
    await signIn(page, 'gulnara');
    await page.locator('nav button', { hasText: 'Аракеттер журналы' }).click();
    await page.getByRole('cell', { name: 'Колдонуучу кошулду' }).first().waitFor();
    await page.getByPlaceholder('Издөө').fill('кирди');
    await expect
      .poll(async () => [...new Set(await page.locator('tbody tr td:nth-child(3)').allInnerTexts())])
      .toEqual(['Кирди']);
    expect(
      await page.getByRole('cell', { name: 'Сыдыкова Гүлнара (Директордун орун басары)' }).count(),
    ).toBeGreaterThan(0);
    await page.getByPlaceholder('Издөө').fill('колдонуучу кошулду');
    await page.getByRole('button', { name: 'Толугураак' }).first().click();
    await page.getByText('Сакталган жазуу, программа жазгандай').waitFor();
    await shot(page, 'guidance-audit-ky');
  });

  it('the class journal grid keeps names and dates in view, explains its codes and keeps the subject across classes', async () => {
    const page = await harness.newPage();
    onTestFailed(() => shot(page, 'failure-guidance-grid'));
    await signIn(page, 'gulnara');
    await page.locator('nav button', { hasText: 'Класс журналы' }).click();
    const pick = async (label: string, index: number) => {
      await page.getByRole('combobox', { name: label }).first().click();
      const option = page.getByRole('option').nth(index);
      const text = await option.innerText();
      await option.click();
      return text;
    };
    const firstClass = await pick('Класс', 0);
    const subject = await pick('Предмет', 0);
    await page.getByRole('combobox', { name: 'Мезгил' }).first().click();
    await page.getByRole('option', { name: 'Бүт жыл', exact: true }).click();
    const grid = page.getByRole('grid', { name: `${firstClass} · ${subject}` });
    await grid.getByRole('rowheader').first().waitFor();
    const frame = await grid.boundingBox();
    if (!frame) throw new Error('the grid is not shown');
    await grid.evaluate((element) => {
      element.scrollTop = 300;
      element.scrollLeft = 900;
    });
    // After scrolling both ways the corner, the first name drawn and the first date drawn stay at the edges.
    const position = async (cell: ReturnType<Page['locator']>) => {
      const box = await cell.boundingBox();
      return box ? { x: Math.round(box.x - frame.x), y: Math.round(box.y - frame.y) } : null;
    };
    await expect
      .poll(() => position(grid.getByRole('columnheader', { name: 'Окуучу' })))
      .toEqual({ x: 1, y: 1 });
    await expect.poll(async () => (await position(grid.getByRole('rowheader').first()))?.x).toBe(1);
    await expect.poll(async () => (await position(grid.getByRole('columnheader').nth(1)))?.y).toBe(1);
    expect(await grid.evaluate((element) => [element.scrollTop > 0, element.scrollLeft > 0])).toEqual([
      true,
      true,
    ]);
    await page.getByTestId('journal-legend').getByText('оорусу боюнча').waitFor();
    await shot(page, 'guidance-grid-scrolled-ky');

    const secondClass = await pick('Класс', 1);
    expect(secondClass).not.toBe(firstClass);
    expect(await page.getByRole('combobox', { name: 'Предмет' }).first().inputValue()).toBe(subject);
    await page.getByRole('grid', { name: `${secondClass} · ${subject}` }).waitFor();
  });

  it('each role’s dashboard says what waits for them now, with the way there', async () => {
    const { mirror } = harness.server.service.context;
    const actor = actorOf(deputy);
    const clock = () => new Date();
    const period = mirror.sqlite
      .prepare<[], { id: number }>(
        "SELECT id FROM reporting_period WHERE kind = 'quarter' ORDER BY starts_on LIMIT 1",
      )
      .get();
    if (!period) throw new Error('the school has no quarter');
    const closeId = startClose(mirror, { periodId: period.id }, actor, clock);
    const turnOf = async (login: string) => {
      const page = await harness.newPage();
      onTestFailed(() => shot(page, `failure-guidance-turn-${login}`));
      await signIn(page, login);
      const turn = page.getByTestId('your-turn');
      await turn.waitFor();
      return { page, turn };
    };

    const onDayOne = await turnOf('gulnara');
    await onDayOne.turn.getByText(/мугалимдин баалары текшерүүнү күтөт$/).waitFor();
    await onDayOne.page.close();

    for (const day of [1, 2, 3, 4] as const) {
      overrideDay(
        mirror,
        { closeId, day, reason: 'Кагаз көчүрмөлөр мурун даярдалган, кол коюлган' },
        actor,
        clock,
      );
    }
    const director = await turnOf('bakyt');
    await director.turn.getByText('Папка сиздин колуңузду күтөт (2 класс)').waitFor();
    await shot(director.page, 'guidance-turn-director-ky');
    await director.turn.getByRole('button', { name: 'Чейрек жабууга өтүү' }).click();
    await director.page.getByRole('heading', { name: 'Чейрек жабуу' }).first().waitFor();
    await director.page.close();

    const secretary = await turnOf('nurjan');
    await secretary.turn.getByText('2 класстын көчүрмөлөрү сиздин кабыл алууңузду күтөт').waitFor();
    await shot(secretary.page, 'guidance-turn-secretary-ky');
    await secretary.page.close();
  });

  it('every screen of every role has AA contrast and no word in Latin letters', async () => {
    const found: Record<string, Record<string, unknown[]>> = {};
    for (const login of ['gulnara', 'nurjan', 'bakyt', 'admin']) {
      const page = await harness.newPage();
      onTestFailed(() => shot(page, `failure-guidance-${login}`));
      await signIn(page, login, login === 'admin' ? 'admin-password' : undefined);
      found[login] = await everyScreen(page, login, async (screen) => [
        ...(await contrastFailures(screen)),
        ...(await latinWords(screen, [login, 'gulnara', 'nurjan', 'bakyt'])),
      ]);
      await page.close();
    }
    expect(found).toEqual({ gulnara: {}, nurjan: {}, bakyt: {}, admin: {} });
  }, 600_000);
});
