import { beforeEach, describe, expect, it, vi } from 'vitest';

/** Electron's main-process pieces the save dialog uses, recorded. */
const electron = vi.hoisted(() => {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const showSaveDialog = vi.fn((..._args: unknown[]) =>
    Promise.resolve<{ canceled: boolean; filePath?: string }>({
      canceled: false,
      filePath: '/home/orunbasar/отчет.xlsx',
    }),
  );
  return {
    handlers,
    showSaveDialog,
    module: {
      ipcMain: {
        handle: (channel: string, handler: (...args: unknown[]) => unknown) => handlers.set(channel, handler),
      },
      dialog: { showSaveDialog },
      BrowserWindow: { fromWebContents: () => null },
    },
  };
});
vi.mock('electron', () => ({ ...electron.module, default: electron.module }));

const { registerSaveDialog } = await import('../../src/main/save-dialog');
const { SAVE_DIALOG_CHANNEL } = await import('../../src/shared/api');

function event(url: string, topLevel = true) {
  return { senderFrame: { url, parent: topLevel ? null : {} }, sender: {} };
}

describe('the save dialog in main', () => {
  beforeEach(() => {
    electron.handlers.clear();
    electron.showSaveDialog.mockClear();
    registerSaveDialog();
  });
  const ask = (...args: unknown[]) => {
    const handler = electron.handlers.get(SAVE_DIALOG_CHANNEL);
    if (!handler) throw new Error('no save dialog handler');
    return handler(...args) as Promise<string | null>;
  };

  it('answers the app’s own window with the file chosen, offering only the asked type', async () => {
    expect(await ask(event('app://moor/index.html'), 'achievement-1-ky.xlsx', 'xlsx')).toBe(
      '/home/orunbasar/отчет.xlsx',
    );
    expect(electron.showSaveDialog).toHaveBeenCalledWith({
      defaultPath: 'achievement-1-ky.xlsx',
      filters: [{ name: 'Excel', extensions: ['xlsx'] }],
    });
  });

  it('answers nothing to another page, a sub-frame or an unknown file type', async () => {
    expect(await ask(event('https://example.org/'), 'a.pdf', 'pdf')).toBeNull();
    expect(await ask(event('app://moor/index.html', false), 'a.pdf', 'pdf')).toBeNull();
    expect(await ask(event('app://moor/index.html'), 'a.exe', 'exe')).toBeNull();
    expect(electron.showSaveDialog).not.toHaveBeenCalled();
  });

  it('keeps a suggested name a plain file name, and reports a cancelled dialog as null', async () => {
    electron.showSaveDialog.mockResolvedValueOnce({ canceled: true });
    expect(await ask(event('app://moor/index.html'), '../../etc/a.pdf', 'pdf')).toBeNull();
    expect(electron.showSaveDialog).toHaveBeenCalledWith({
      defaultPath: '.._.._etc_a.pdf',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
  });
});
