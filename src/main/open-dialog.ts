import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type OpenDialogOptions } from 'electron';
import { OPEN_DIALOG_CHANNEL, type OpenPathKind } from '../shared/api';
import { isOwnSender } from './sender';

const OPTIONS: Record<OpenPathKind, OpenDialogOptions> = {
  xlsx: { properties: ['openFile'], filters: [{ name: 'Excel', extensions: ['xlsx'] }] },
  json: { properties: ['openFile'], filters: [{ name: 'JSON', extensions: ['json'] }] },
  folder: { properties: ['openDirectory', 'createDirectory'] },
};

function isKind(kind: unknown): kind is OpenPathKind {
  return typeof kind === 'string' && Object.hasOwn(OPTIONS, kind);
}

/**
 * The native open dialog (a workbook, a bundle, a backup's folder), for the app's own window only.
 * It only answers a path: the core opens the file and checks it, so main never reads school data.
 */
export function registerOpenDialog(): void {
  ipcMain.handle(
    OPEN_DIALOG_CHANNEL,
    async (event: IpcMainInvokeEvent, kind: unknown): Promise<string | null> => {
      const frame = event.senderFrame;
      if (!isOwnSender(frame?.url, frame !== null && frame.parent === null) || !isKind(kind)) return null;
      const window = BrowserWindow.fromWebContents(event.sender);
      const chosen = window
        ? await dialog.showOpenDialog(window, OPTIONS[kind])
        : await dialog.showOpenDialog(OPTIONS[kind]);
      return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
    },
  );
}
