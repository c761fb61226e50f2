import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** Electron's main-process API and electron-updater as the packaged app sees them, recorded. */
const fake = vi.hoisted(() => {
  const appEvents = new Map<string, (...args: unknown[]) => void>();
  class FakeAutoUpdater {
    autoDownload = false;
    autoInstallOnAppQuit = true;
    logger: unknown = null;
    feed: unknown = null;
    private readonly listeners = new Map<string, ((...args: unknown[]) => void)[]>();
    /** What the next check does: emit these events in turn, or throw. */
    script: ({ event: string; arg?: unknown } | { throws: Error })[] = [];
    quitAndInstall = vi.fn();
    on(event: string, listener: (...args: unknown[]) => void) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    setFeedURL(feed: unknown) {
      this.feed = feed;
    }
    checkForUpdates() {
      for (const step of this.script) {
        if ('throws' in step) return Promise.reject(step.throws);
        for (const listener of this.listeners.get(step.event) ?? []) listener(step.arg);
      }
      return Promise.resolve(null);
    }
  }
  return {
    appEvents,
    autoUpdater: new FakeAutoUpdater(),
    spawn: vi.fn(() => ({ unref: vi.fn() })),
    module: {
      app: {
        isPackaged: true,
        getVersion: () => '0.1.0',
        quit: vi.fn(),
        exit: vi.fn(),
        on: (event: string, handler: (...args: unknown[]) => void) => appEvents.set(event, handler),
      },
      crashReporter: { start: vi.fn() },
      dialog: { showErrorBox: vi.fn() },
    },
  };
});
vi.mock('electron', () => ({ ...fake.module, default: fake.module }));
vi.mock('electron-updater', () => ({ default: { autoUpdater: fake.autoUpdater } }));
vi.mock('node:child_process', () => ({ spawn: fake.spawn, default: { spawn: fake.spawn } }));

const { createUpdater } = await import('../../src/main/updater');
const { keepCrashReports } = await import('../../src/main/crash-reports');
const { cliArguments, runCliInApp } = await import('../../src/main/cli-mode');
const { beginRun } = await import('../../src/core/log/last-run');
const { closeLog, LOG_FILE, openLog } = await import('../../src/core/log/log');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moor-main-ops-'));
  openLog(dir);
  fake.autoUpdater.script = [];
  fake.autoUpdater.quitAndInstall.mockClear();
  fake.spawn.mockClear();
  fake.module.app.quit.mockClear();
});
afterEach(() => {
  closeLog();
  fs.rmSync(dir, { recursive: true, force: true });
});

const logText = () => fs.readFileSync(path.join(dir, LOG_FILE), 'utf8');

function updater(address: string | null) {
  return createUpdater({
    address: () => address,
    statusFile: path.join(dir, 'update-status.json'),
    now: () => new Date('2026-12-01T09:00:00Z'),
  });
}

describe('the updater in the installed app (mocked electron and electron-updater)', () => {
  it('surfaces the server’s error in the status, logs it and keeps it for the next start', async () => {
    fake.autoUpdater.script = [{ throws: new Error('net::ERR_NAME_NOT_RESOLVED') }];
    const status = await updater('https://updates.school.kg/moor').check();
    expect(status).toMatchObject({
      source: 'https',
      lastCheckAt: '2026-12-01T09:00:00.000Z',
      result: 'error',
      error: { code: 'UPDATE_FAILED', message: 'net::ERR_NAME_NOT_RESOLVED' },
    });
    expect(fake.autoUpdater.feed).toEqual({ provider: 'generic', url: 'https://updates.school.kg/moor/' });
    expect(fake.autoUpdater.autoInstallOnAppQuit).toBe(false);
    expect(logText()).toContain('net::ERR_NAME_NOT_RESOLVED');
    expect(updater('https://updates.school.kg/moor').status()).toMatchObject({
      result: 'error',
      lastCheckAt: '2026-12-01T09:00:00.000Z',
    });
  });

  it.each(['http://updates.school.kg/', 'file:///C:/updates', 'javascript:alert(1)'])(
    'refuses the address %s without asking any server',
    async (address) => {
      fake.autoUpdater.feed = null;
      const status = await updater(address).check();
      expect(status).toMatchObject({ result: 'error', error: { code: 'UPDATE_SOURCE_INVALID' } });
      expect(fake.autoUpdater.feed).toBeNull();
    },
  );

  it('fetches a newer version but installs it only when the admin confirms', async () => {
    fake.autoUpdater.script = [
      { event: 'update-available', arg: { version: '0.2.0' } },
      { event: 'update-downloaded', arg: { version: '0.2.0' } },
    ];
    const updates = updater('https://updates.school.kg/moor');
    await expect(updates.install()).rejects.toMatchObject({ code: 'UPDATE_NOT_READY' });
    await expect(updates.check()).resolves.toMatchObject({ result: 'ready', versionOffered: '0.2.0' });
    expect(fake.autoUpdater.quitAndInstall).not.toHaveBeenCalled();
    await updates.install();
    expect(fake.autoUpdater.quitAndInstall).toHaveBeenCalledTimes(1);
  });

  it('takes an update from a folder, checks the installer again and starts it on confirmation', async () => {
    const folder = path.join(dir, 'USB диск');
    fs.mkdirSync(folder);
    const installer = Buffer.from('installer 0.2.0');
    fs.writeFileSync(path.join(folder, 'moor-0.2.0.exe'), installer);
    const sha512 = createHash('sha512').update(installer).digest('base64');
    const manifest = `version: 0.2.0\npath: moor-0.2.0.exe\nsha512: ${sha512}\n`;
    for (const name of ['latest.yml', 'latest-linux.yml', 'latest-mac.yml']) {
      fs.writeFileSync(path.join(folder, name), manifest);
    }
    const updates = updater(folder);
    await expect(updates.check()).resolves.toMatchObject({
      source: 'folder',
      result: 'ready',
      versionOffered: '0.2.0',
    });
    fs.writeFileSync(path.join(folder, 'moor-0.2.0.exe'), 'swapped on the drive');
    await expect(updates.install()).resolves.toMatchObject({
      result: 'error',
      error: { code: 'UPDATE_CHECKSUM_MISMATCH' },
    });
    expect(fake.spawn).not.toHaveBeenCalled();

    fs.writeFileSync(path.join(folder, 'moor-0.2.0.exe'), installer);
    await updates.check();
    await updates.install();
    expect(fake.spawn).toHaveBeenCalledWith(path.join(folder, 'moor-0.2.0.exe'), [], {
      detached: true,
      stdio: 'ignore',
    });
    expect(fake.module.app.quit).toHaveBeenCalled();
  });
});

describe('crash reports and the command line in the installed app', () => {
  it('keeps crash dumps local, and a renderer that died is told at the next start', () => {
    keepCrashReports(dir);
    expect(fake.module.crashReporter.start).toHaveBeenCalledWith(
      expect.objectContaining({ uploadToServer: false }),
    );
    expect(beginRun(dir, new Date())).toBeNull();
    fake.appEvents.get('render-process-gone')?.({}, {}, { reason: 'crashed', exitCode: 139 });
    expect(logText()).toContain('window process gone');
    expect(beginRun(dir, new Date())).toMatchObject({ what: 'window: crashed' });
  });

  it('runs a command for Moor.exe --cli and exits with its code', async () => {
    expect(cliArguments(['C:\\Program Files\\Moor\\Moor.exe', '--cli', 'info', '--db', 'x'])).toEqual([
      'info',
      '--db',
      'x',
    ]);
    expect(cliArguments(['Moor.exe'])).toBeNull();
    const argv = process.argv;
    // An unknown command: exit code 2 shows the arguments after --cli reached the command line.
    process.argv = ['moor.exe', '--cli', 'frobnicate'];
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await runCliInApp();
    err.mockRestore();
    process.argv = argv;
    expect(fake.module.app.exit).toHaveBeenCalledWith(2);
  });
});
