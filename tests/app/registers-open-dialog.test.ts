import { beforeEach, describe, expect, it, vi } from 'vitest';

/** Electron's main-process pieces the open dialog uses, recorded. */
const electron = vi.hoisted(() => {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const showOpenDialog = vi.fn((..._args: unknown[]) =>
    Promise.resolve<{ canceled: boolean; filePaths: string[] }>({
      canceled: false,
      filePaths: ['/media/orunbasar/8А-1.xlsx'],
    }),
  );
  return {
    handlers,
    showOpenDialog,
    module: {
      ipcMain: {
        handle: (channel: string, handler: (...args: unknown[]) => unknown) => handlers.set(channel, handler),
      },
      dialog: { showOpenDialog },
      BrowserWindow: { fromWebContents: () => null },
    },
  };
});
vi.mock('electron', () => ({ ...electron.module, default: electron.module }));

const { registerOpenDialog } = await import('../../src/main/open-dialog');
const { OPEN_DIALOG_CHANNEL } = await import('../../src/shared/api');

function event(url: string, topLevel = true) {
  return { senderFrame: { url, parent: topLevel ? null : {} }, sender: {} };
}

describe('the open dialog in main', () => {
  beforeEach(() => {
    electron.handlers.clear();
    electron.showOpenDialog.mockClear();
    registerOpenDialog();
  });
  const ask = (...args: unknown[]) => {
    const handler = electron.handlers.get(OPEN_DIALOG_CHANNEL);
    if (!handler) throw new Error('no open dialog handler');
    return handler(...args) as Promise<string | null>;
  };

  it('answers the app’s own window with the file chosen, offering only workbooks when asked for one', async () => {
    expect(await ask(event('app://moor/index.html'), 'xlsx')).toBe('/media/orunbasar/8А-1.xlsx');
    expect(electron.showOpenDialog).toHaveBeenCalledWith({
      properties: ['openFile'],
      filters: [{ name: 'Excel', extensions: ['xlsx'] }],
    });
  });

  it('opens a folder for a backup, and reports a cancelled dialog as null', async () => {
    electron.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await ask(event('app://moor/index.html'), 'folder')).toBeNull();
    expect(electron.showOpenDialog).toHaveBeenCalledWith({
      properties: ['openDirectory', 'createDirectory'],
    });
  });

  it('answers nothing to another page, a sub-frame or an unknown kind', async () => {
    expect(await ask(event('https://example.org/'), 'json')).toBeNull();
    expect(await ask(event('app://moor/index.html', false), 'json')).toBeNull();
    expect(await ask(event('app://moor/index.html'), 'exe')).toBeNull();
    expect(await ask(event('app://moor/index.html'), 'toString')).toBeNull();
    expect(electron.showOpenDialog).not.toHaveBeenCalled();
  });
});
