import { BrowserWindow, dialog, ipcMain, type FileFilter, type IpcMainInvokeEvent } from 'electron';
import { SAVE_DIALOG_CHANNEL } from '../shared/api';
import { isOwnSender } from './sender';

const FILTERS: Record<'pdf' | 'xlsx' | 'zip', FileFilter> = {
  pdf: { name: 'PDF', extensions: ['pdf'] },
  xlsx: { name: 'Excel', extensions: ['xlsx'] },
  zip: { name: 'Zip', extensions: ['zip'] },
};

/**
 * The native save dialog, for the app's own window only. It only answers a path: the core writes
 * the file (and checks the path again), so main never touches report data.
 */
export function registerSaveDialog(): void {
  ipcMain.handle(
    SAVE_DIALOG_CHANNEL,
    async (event: IpcMainInvokeEvent, suggestedName: unknown, format: unknown): Promise<string | null> => {
      const frame = event.senderFrame;
      if (!isOwnSender(frame?.url, frame !== null && frame.parent === null)) return null;
      if (format !== 'pdf' && format !== 'xlsx' && format !== 'zip') return null;
      const window = BrowserWindow.fromWebContents(event.sender);
      const options = {
        defaultPath: typeof suggestedName === 'string' ? suggestedName.replace(/[\\/]/g, '_') : undefined,
        filters: [FILTERS[format]],
      };
      const chosen = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
    },
  );
}
