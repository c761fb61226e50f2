import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../support/temp-dir';

/** A stand-in for Electron's main-process API: records what main registers and builds. */
const electron = vi.hoisted(() => {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const windows: FakeWindow[] = [];
  interface FakeWindow {
    options: { webPreferences: Record<string, unknown> };
    contentsHandlers: Map<string, (...args: unknown[]) => void>;
    openHandler: ((details: { url: string }) => { action: string }) | null;
    loaded: string | null;
  }
  class BrowserWindow {
    readonly webContents;
    private readonly record: FakeWindow;
    constructor(options: FakeWindow['options']) {
      this.record = { options, contentsHandlers: new Map(), openHandler: null, loaded: null };
      windows.push(this.record);
      const record = this.record;
      this.webContents = {
        id: windows.length,
        on: (event: string, handler: (...args: unknown[]) => void) =>
          record.contentsHandlers.set(event, handler),
        setWindowOpenHandler: (handler: FakeWindow['openHandler']) => {
          record.openHandler = handler;
        },
        send: vi.fn(),
      };
    }
    once() {}
    on() {}
    maximize() {}
    loadURL(url: string) {
      this.record.loaded = url;
      return Promise.resolve();
    }
  }
  return {
    handlers,
    windows,
    module: {
      BrowserWindow,
      ipcMain: {
        handle: (channel: string, handler: (...args: unknown[]) => unknown) => handlers.set(channel, handler),
      },
      shell: { openExternal: vi.fn(() => Promise.resolve()) },
      app: { isPackaged: false },
      Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      net: { fetch: vi.fn() },
    },
  };
});
vi.mock('electron', () => ({ ...electron.module, default: electron.module }));
vi.mock('electron-updater', () => {
  throw new Error('electron-updater must not be loaded outside the packaged app');
});

const { registerIpc } = await import('../../src/main/ipc');
const { isOwnSender } = await import('../../src/main/sender');
const { createMainWindow } = await import('../../src/main/window');
const { menuTemplate } = await import('../../src/main/menu');
const { screens } = await import('../../src/shared/screens');
const { ky } = await import('../../src/renderer/i18n/ky');
const { loadWindowState, saveWindowState, DEFAULT_WINDOW_STATE } =
  await import('../../src/main/window-state');
const { checkForUpdates } = await import('../../src/main/updater');
const { IPC_CHANNEL } = await import('../../src/shared/api');

describe('Electron main (with a mocked electron module)', () => {
  beforeEach(() => {
    electron.handlers.clear();
    electron.windows.length = 0;
  });

  it('answers IPC only from the app’s own top-level frame, and hands the rest to the core', async () => {
    const invoke = vi.fn((_client: string, _name: unknown, _input: unknown) =>
      Promise.resolve({ ok: true as const, value: 'status' }),
    );
    registerIpc({ invoke, call: vi.fn(), forget: vi.fn(), context: {} as never });
    const handler = electron.handlers.get(IPC_CHANNEL);
    if (!handler) throw new Error('no IPC handler registered');
    const event = (url: string, parent: unknown = null) => ({
      senderFrame: { url, parent },
      sender: { id: 7 },
    });

    await expect(handler(event('app://moor/index.html'), 'app.status', {})).resolves.toEqual({
      ok: true,
      value: 'status',
    });
    expect(invoke).toHaveBeenCalledWith('window:7', 'app.status', {});
    for (const foreign of [
      event('https://evil.example/'),
      event('file:///etc/passwd'),
      event('app://moor/x', {}),
    ]) {
      await expect(handler(foreign, 'users.list', {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN_SENDER' },
      });
    }
    expect(invoke).toHaveBeenCalledTimes(1);
    expect(isOwnSender('app://moorx/index.html', true)).toBe(false);
    expect(isOwnSender(undefined, true)).toBe(false);
  });

  it('makes a sandboxed, isolated window that cannot navigate away or open windows', () => {
    const userData = tempDir('moor-main-');
    createMainWindow({ preload: '/app/preload.cjs', userData, onClosed: vi.fn() });
    const [win] = electron.windows;
    if (!win) throw new Error('no window');
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: '/app/preload.cjs',
    });
    expect(win.loaded).toBe('app://moor/index.html');
    const navigate = win.contentsHandlers.get('will-navigate');
    const away = { preventDefault: vi.fn() };
    navigate?.(away, 'https://example.com/');
    expect(away.preventDefault).toHaveBeenCalled();
    const inside = { preventDefault: vi.fn() };
    navigate?.(inside, 'app://moor/index.html');
    expect(inside.preventDefault).not.toHaveBeenCalled();
    expect(win.openHandler?.({ url: 'https://kundoluk.edu.gov.kg/' })).toEqual({ action: 'deny' });
    expect(win.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(electron.module.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('remembers the window state and falls back when the file is damaged', () => {
    const userData = tempDir('moor-main-');
    expect(loadWindowState(userData)).toEqual(DEFAULT_WINDOW_STATE);
    saveWindowState(userData, { x: 10, y: 20, width: 1400, height: 900, maximized: true });
    expect(loadWindowState(userData)).toEqual({ x: 10, y: 20, width: 1400, height: 900, maximized: true });
    fs.writeFileSync(path.join(userData, 'window-state.json'), '{"width": 3');
    expect(loadWindowState(userData)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('has a native menu in the school’s language whose items reach the window', () => {
    const sent: string[] = [];
    const template = menuTemplate('ky', (item) => sent.push(item));
    expect(template.map((m) => m.label)).toEqual(['Файл', 'Өтүү', 'Көрүнүш']);
    const go = template[1]?.submenu as { label: string; accelerator: string; click: () => void }[];
    expect(go.map((i) => i.label)).toEqual(screens.map((s) => ky.nav[s.id]));
    expect(go.map((i) => i.accelerator)).toEqual(screens.map((s) => `CmdOrCtrl+${s.shortcut}`));
    // Every accelerator of the menu is used once: a screen's shortcut never shadows lock, sign-out or zoom.
    const every = template.flatMap((m) =>
      (m.submenu as { accelerator?: string; role?: string }[]).map((i) =>
        i.role === 'resetZoom' ? 'CmdOrCtrl+0' : i.accelerator,
      ),
    );
    const given = every.filter((a) => a !== undefined);
    expect(new Set(given).size).toBe(given.length);
    go[2]?.click();
    expect(sent).toEqual([screens[2].id]);
  });

  it('does not touch the updater outside the packaged app', async () => {
    await expect(checkForUpdates('https://updates.school.kg/moor')).resolves.toBeUndefined();
  });
});
