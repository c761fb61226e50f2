import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../support/temp-dir';

/** A stand-in for Electron's ipcMain and shell: records the handler and the files opened. */
const electron = vi.hoisted(() => {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  return {
    handlers,
    module: {
      ipcMain: {
        handle: (channel: string, handler: (...args: unknown[]) => unknown) => handlers.set(channel, handler),
      },
      shell: { openPath: vi.fn((_file: string) => Promise.resolve('')) },
    },
  };
});
vi.mock('electron', () => ({ ...electron.module, default: electron.module }));

const { registerPrintPdf } = await import('../../src/main/print-pdf');
const { PRINT_PDF_CHANNEL } = await import('../../src/shared/api');

const own = { senderFrame: { url: 'app://moor/index.html', parent: null } };

describe("printing the app's PDFs from the desktop window", () => {
  it('opens a PDF inside the data folder in the PC’s PDF program, for the own window only', async () => {
    const root = tempDir('moor-userdata-');
    const copies = path.join(root, 'copies');
    fs.mkdirSync(copies);
    const copy = path.join(copies, 'Q1-8А.pdf');
    fs.writeFileSync(copy, '%PDF');
    fs.writeFileSync(path.join(copies, 'Q1-8А.xlsx'), 'PK');
    const outside = tempDir('moor-outside-');
    fs.writeFileSync(path.join(outside, 'other.pdf'), '%PDF');
    fs.symlinkSync(path.join(outside, 'other.pdf'), path.join(copies, 'link.pdf'));
    registerPrintPdf(root);
    const handler = electron.handlers.get(PRINT_PDF_CHANNEL);
    if (!handler) throw new Error('no handler registered');

    await expect(handler(own, copy)).resolves.toBe(true);
    expect(electron.module.shell.openPath).toHaveBeenCalledWith(fs.realpathSync(copy));
    for (const refused of [
      path.join(copies, 'Q1-8А.xlsx'),
      path.join(outside, 'other.pdf'),
      path.join(copies, 'link.pdf'),
      path.join(copies, 'missing.pdf'),
      copies,
      42,
    ]) {
      await expect(handler(own, refused)).resolves.toBe(false);
    }
    const foreign = { senderFrame: { url: 'https://evil.example/', parent: null } };
    await expect(handler(foreign, copy)).resolves.toBe(false);
    expect(electron.module.shell.openPath).toHaveBeenCalledTimes(1);
  });
});
