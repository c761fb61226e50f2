import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../support/temp-dir';

/** A stand-in for Electron's ipcMain and shell: records the handler and the folders shown. */
const electron = vi.hoisted(() => {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  return {
    handlers,
    module: {
      ipcMain: {
        handle: (channel: string, handler: (...args: unknown[]) => unknown) => handlers.set(channel, handler),
      },
      shell: { openPath: vi.fn((_folder: string) => Promise.resolve('')) },
    },
  };
});
vi.mock('electron', () => ({ ...electron.module, default: electron.module }));

const { registerOpenFolder } = await import('../../src/main/open-folder');
const { OPEN_FOLDER_CHANNEL } = await import('../../src/shared/api');

const own = { senderFrame: { url: 'app://moor/index.html', parent: null } };

describe("showing the app's folders from the window", () => {
  it('opens a folder inside the data folder for the own window and refuses everything else', async () => {
    const root = tempDir('moor-userdata-');
    const copies = path.join(root, 'copies');
    fs.mkdirSync(copies);
    fs.writeFileSync(path.join(copies, 'Q1-8А.pdf'), '%PDF');
    const outside = tempDir('moor-outside-');
    fs.symlinkSync(outside, path.join(root, 'link-out'));
    registerOpenFolder(root);
    const handler = electron.handlers.get(OPEN_FOLDER_CHANNEL);
    if (!handler) throw new Error('no handler registered');

    await expect(handler(own, copies)).resolves.toBe(true);
    expect(electron.module.shell.openPath).toHaveBeenCalledWith(fs.realpathSync(copies));
    for (const refused of [
      path.join(copies, '..', '..'),
      outside,
      path.join(root, 'link-out'),
      path.join(copies, 'Q1-8А.pdf'),
      path.join(root, 'missing'),
      42,
    ]) {
      await expect(handler(own, refused)).resolves.toBe(false);
    }
    const foreign = { senderFrame: { url: 'https://evil.example/', parent: null } };
    await expect(handler(foreign, copies)).resolves.toBe(false);
    expect(electron.module.shell.openPath).toHaveBeenCalledTimes(1);
  });
});
