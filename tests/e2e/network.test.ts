import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHost, type RunningHost } from '../../src/network/host-server';
import { ky } from '../../src/renderer/i18n/ky';
import { signedInClient, startSchoolHost, type HostFixture } from '../network/host-fixture';
import { buildRenderer, shot } from './harness';

let school: HostFixture;
let host: RunningHost;
let browser: Browser;

beforeAll(async () => {
  const rendererDir = buildRenderer();
  school = await startSchoolHost();
  // The same school shared with the window as built, for the browsers.
  await school.host.stop();
  host = await startHost({ service: school.app.service, hostname: '127.0.0.1', port: 0, rendererDir });
  school.host = host;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
  });
}, 240_000);
afterAll(async () => {
  await browser.close();
  await school.close();
});

/** A browser on another PC: its own profile, the host's certificate accepted, paired and signed in. */
async function openOnPc(pcName: string, login: string): Promise<Page> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'ky-KG' });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(host.url);
  await page.getByLabel(ky.network.pair.pcName).fill(pcName);
  await page.getByLabel(ky.network.pair.code).fill(host.clients.pairingCode);
  await page.getByRole('button', { name: ky.network.pair.submit }).click();
  await page.getByLabel(ky.signIn.login, { exact: true }).fill(login);
  await page.getByLabel(ky.signIn.password, { exact: true }).fill(`${login}-password`);
  await page.getByRole('button', { name: ky.signIn.submit }).click();
  await page.getByRole('heading', { name: ky.dashboard.title }).waitFor();
  return page;
}

describe('the window on two PCs of the school network', () => {
  it('shows the secretary’s close board moving as the deputy records the steps', async () => {
    const secretary = await openOnPc('Катчынын ПК', 'secretary');
    await secretary.keyboard.press('Control+2');
    const deputy = await signedInClient(host, 'Орун басардын ПК', 'deputy');
    const overview = await deputy.call('close.overview', {});
    if (!overview.ok) throw new Error(overview.error.message);
    const first = overview.value.periods.find((p) => p.kind === 'quarter' && p.number === 1);
    if (!first) throw new Error('no first quarter');
    const started = await deputy.call('close.start', { periodId: first.id });
    if (!started.ok) throw new Error(started.error.message);
    const board = secretary.getByTestId('day-board');
    await board.waitFor();
    expect(await board.getByText(ky.close.item_overridden).count()).toBe(0);
    const overridden = await deputy.call('close.override', {
      closeId: started.value.closeId,
      day: 1,
      reason: 'Мугалимдер менен кагаз жүзүндө текшерилди, жазылып алынды.',
    });
    expect(overridden.ok).toBe(true);
    // No reload: the host's event moves the board on the secretary's screen.
    await board.getByText(ky.close.item_overridden).waitFor({ timeout: 5_000 });
    await shot(secretary, 'network-secretary-board');
  }, 120_000);
});
