import fs from 'node:fs';
import path from 'node:path';
import { ipcMain, shell, type IpcMainInvokeEvent } from 'electron';
import { OPEN_FOLDER_CHANNEL } from '../shared/api';
import { isOwnSender } from './sender';

/** True when `folder` is an existing folder inside `root` (after resolving `..` and links). */
export function isFolderInside(folder: string, root: string): boolean {
  try {
    const real = fs.realpathSync(folder);
    const base = fs.realpathSync(root);
    const relative = path.relative(base, real);
    return !relative.startsWith('..') && !path.isAbsolute(relative) && fs.statSync(real).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Shows one of the app's own folders (printed copies, lists) in the file manager, for the app's
 * own window only. Anything outside the app's data folder is refused: a page must not be able to
 * make main open arbitrary paths.
 */
export function registerOpenFolder(root: string): void {
  ipcMain.handle(
    OPEN_FOLDER_CHANNEL,
    async (event: IpcMainInvokeEvent, folder: unknown): Promise<boolean> => {
      const frame = event.senderFrame;
      if (!isOwnSender(frame?.url, frame !== null && frame.parent === null)) return false;
      if (typeof folder !== 'string' || !isFolderInside(folder, root)) return false;
      // openPath answers an error message, empty when the folder was shown.
      return (await shell.openPath(fs.realpathSync(folder))) === '';
    },
  );
}
