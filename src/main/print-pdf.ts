import fs from 'node:fs';
import path from 'node:path';
import { ipcMain, shell, type IpcMainInvokeEvent } from 'electron';
import { PRINT_PDF_CHANNEL } from '../shared/api';
import { isOwnSender } from './sender';

/** True when `file` is an existing PDF file inside `root` (after resolving `..` and links). */
export function isPdfInside(file: string, root: string): boolean {
  try {
    const real = fs.realpathSync(file);
    const relative = path.relative(fs.realpathSync(root), real);
    return (
      relative !== '' &&
      !relative.startsWith('..') &&
      !path.isAbsolute(relative) &&
      path.extname(real).toLowerCase() === '.pdf' &&
      fs.statSync(real).isFile()
    );
  } catch {
    return false;
  }
}

/**
 * Opens a PDF the app wrote (a copy, the print shop's merged file, a tracker) in the PC's PDF
 * program, whose print button sends it to the school's printer with the printer's own settings:
 * for the app's own window only, and only a PDF inside the app's data folder.
 */
export function registerPrintPdf(root: string): void {
  ipcMain.handle(PRINT_PDF_CHANNEL, async (event: IpcMainInvokeEvent, file: unknown): Promise<boolean> => {
    const frame = event.senderFrame;
    if (!isOwnSender(frame?.url, frame !== null && frame.parent === null)) return false;
    if (typeof file !== 'string' || !isPdfInside(file, root)) return false;
    // openPath answers an error message, empty when the program opened the file.
    return (await shell.openPath(fs.realpathSync(file))) === '';
  });
}
