import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Actor } from '../../src/core/auth/actor';
import { createUser, type AppUser } from '../../src/core/auth/users';
import { startDevServer, type DevServer } from '../../src/dev-server/server';
import { SETUP } from '../app/fixture';
import { tempDir } from '../support/temp-dir';
import { writeSmallSchool } from '../support/schools';

export const SCREENSHOTS = path.resolve(import.meta.dirname, 'screenshots');
const ROOT = path.resolve(import.meta.dirname, '../..');

/** Builds the renderer as shipped (with its CSP) once per test file. */
export function buildRenderer(): string {
  const outDir = tempDir('moor-renderer-');
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--logLevel', 'error'],
    {
      cwd: ROOT,
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
      stdio: 'inherit',
    },
  );
  return outDir;
}

export interface Harness {
  server: DevServer;
  browser: BrowserContext;
  dbPath: string;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** The real core on a fresh mirror, the built renderer, and Debian's Chromium driving it. */
export async function startHarness(rendererDir: string, dbPath?: string): Promise<Harness> {
  const dir = tempDir('moor-e2e-');
  const db = dbPath ?? path.join(dir, 'mirror.sqlite');
  const server = await startDevServer({ dbPath: db, mode: 'built', rendererDir });
  // A fresh profile per run: nothing from an earlier run (storage, cache) leaks in.
  const browser = await chromium.launchPersistentContext(path.join(dir, 'chromium'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1366, height: 800 },
    locale: 'ky-KG',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    server,
    browser,
    dbPath: db,
    async newPage() {
      const page = await browser.newPage();
      page.on('pageerror', (error) => {
        throw error;
      });
      await page.goto(server.openUrl);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * Words in Latin letters a Kyrgyz or Russian reader should never see. Allowed: the language
 * switch's "English", key names on shortcut hints, web addresses, and what users typed (logins).
 */
export async function latinWords(page: Page, userData: readonly string[] = []): Promise<string[]> {
  const text = await page.locator('body').innerText();
  // File names a person must find on the drive or save as they are (latest.yml, a .zip) stay as written;
  // so do the file formats, keys and the fingerprint's algorithm as their programs and keyboards
  // name them (PDF, Excel, Tab; SHA-256, as the host prints its certificate's fingerprint).
  const allowed = new Set([
    'English',
    'Ctrl',
    'Tab',
    'Enter',
    'PDF',
    'Excel',
    'https',
    'http',
    'latest',
    'yml',
    'zip',
    'SHA',
    ...userData,
  ]);
  return (text.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !allowed.has(w));
}

/** Document ids, hashes and folder paths on screen (marked `data-code`): codes, not words a reader must understand. */
export async function codesOnScreen(page: Page): Promise<string[]> {
  const texts = await page.locator('[data-code]').allInnerTexts();
  return texts.flatMap((text) => text.match(/[A-Za-z]+/g) ?? []);
}

/** First-run set-up of the served school (the 2025–2026 year), as the administrator it creates. */
export async function completeSetup(harness: Harness): Promise<Actor> {
  const setup = await harness.server.service.call('setup', 'setup.complete', SETUP);
  if (!setup.ok) throw new Error(setup.error.message);
  return { userId: String(setup.value.user.id), name: setup.value.user.fullName, role: 'admin' };
}

/** The staff the e2e tests add to the served school, each signing in with `<login>-pass-1`. */
const STAFF = {
  deputy: { login: 'gulnara', fullName: 'Сыдыкова Гүлнара' },
  secretary: { login: 'nurjan', fullName: 'Токтогулова Нуржан' },
  director: { login: 'bakyt', fullName: 'Асанов Бакыт' },
} as const;

type StaffRole = keyof typeof STAFF;

export interface ServedSchool<R extends StaffRole> {
  harness: Harness;
  /** The test file's own folder, beside the served mirror: drives, workbooks, exports. */
  work: string;
  staff: Record<R, AppUser>;
}

/** A demo school (the small one unless `writeSchool` writes another) served to Chromium, set up, with a user of each role asked for. */
export async function serveDemoSchool<R extends StaffRole>(
  workPrefix: string,
  roles: readonly R[],
  writeSchool: (file: string) => string = writeSmallSchool,
): Promise<ServedSchool<R>> {
  const work = tempDir(workPrefix);
  const harness = await startHarness(buildRenderer(), writeSchool(path.join(work, 'mirror.sqlite')));
  const admin = await completeSetup(harness);
  const staff = {} as Record<R, AppUser>;
  for (const role of roles) {
    const { login, fullName } = STAFF[role];
    staff[role] = await createUser(
      harness.server.service.context.mirror,
      admin,
      { login, fullName, role, password: `${login}-pass-1` },
      new Date(),
    );
  }
  return { harness, work, staff };
}

/** Signs in through the form and waits for the signed-in header (staff sign in with their test password). */
export async function signIn(page: Page, login: string, password = `${login}-pass-1`): Promise<void> {
  await page.getByLabel('Колдонуучу аты').fill(login);
  await page.getByLabel('Сырсөз', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Кирүү' }).click();
  await page.getByTestId('current-user').waitFor();
}
