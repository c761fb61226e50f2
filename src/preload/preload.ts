import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  IPC_CHANNEL,
  MENU_CHANNEL,
  OPEN_DIALOG_CHANNEL,
  OPEN_FOLDER_CHANNEL,
  PRINT_PDF_CHANNEL,
  SAVE_DIALOG_CHANNEL,
  type MoorApi,
} from '../shared/api';

/**
 * The renderer's only bridge: one typed `invoke`, the menu's choices, the file dialogs and
 * showing the app's own folders.
 * Nothing of Node leaks.
 */
const api: MoorApi = {
  invoke: (name, input) => ipcRenderer.invoke(IPC_CHANNEL, name, input) as never,
  onMenu(listener) {
    const handler = (_event: IpcRendererEvent, item: unknown) => {
      if (typeof item === 'string') listener(item);
    };
    ipcRenderer.on(MENU_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, handler);
    };
  },
  chooseSaveFile: (suggestedName, format) =>
    ipcRenderer.invoke(SAVE_DIALOG_CHANNEL, suggestedName, format) as Promise<string | null>,
  chooseOpenPath: (kind) => ipcRenderer.invoke(OPEN_DIALOG_CHANNEL, kind) as Promise<string | null>,
  openFolder: (folder) => ipcRenderer.invoke(OPEN_FOLDER_CHANNEL, folder) as Promise<boolean>,
  printPdf: (pdfPath) => ipcRenderer.invoke(PRINT_PDF_CHANNEL, pdfPath) as Promise<boolean>,
};

contextBridge.exposeInMainWorld('moor', api);
