import path from 'node:path';
import { BrowserWindow, shell } from 'electron';
import { APP_ORIGIN } from './sender';
import { loadWindowState, saveWindowState } from './window-state';

/**
 * The one main window, locked down: the sandboxed preload is its only bridge, it cannot navigate
 * anywhere but the app, and it opens no new windows (an https link goes to the system browser).
 */
export function createMainWindow(options: {
  preload: string;
  userData: string;
  onClosed: (webContentsId: number) => void;
}): BrowserWindow {
  const state = loadWindowState(options.userData);
  const window = new BrowserWindow({
    ...state,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Мөөр',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => {
    window.show();
  });
  const contents = window.webContents;
  const id = contents.id;
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    saveWindowState(options.userData, { ...bounds, maximized: window.isMaximized() });
  });
  window.on('closed', () => {
    options.onClosed(id);
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

export function preloadPath(mainDir: string): string {
  return path.join(mainDir, '..', 'preload', 'preload.cjs');
}
