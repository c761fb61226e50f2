import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog } from 'electron';
import { createAppService } from '../core/app/service';
import { getSetting } from '../core/settings/app-settings';
import { openMirror } from '../core/db/mirror';
import { isMoorError } from '../core/errors';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { registerOpenDialog } from './open-dialog';
import { registerOpenFolder } from './open-folder';
import { registerAppScheme, serveRenderer } from './protocol';
import { registerSaveDialog } from './save-dialog';
import { checkForUpdates } from './updater';
import { createMainWindow, preloadPath } from './window';

/** Electron main: thin. It opens the mirror in the user-data folder and hands everything to the core. */
const mainDir = path.dirname(fileURLToPath(import.meta.url));

if (!app.requestSingleInstanceLock()) app.quit();
registerAppScheme();
app.enableSandbox();

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

async function start(): Promise<void> {
  await app.whenReady();
  const userData = app.getPath('userData');
  fs.mkdirSync(userData, { recursive: true });
  const mirror = openMirror(path.join(userData, 'moor.sqlite'), { create: true });
  const service = createAppService({ mirror });
  serveRenderer(path.join(mainDir, '..', 'renderer'));
  registerIpc(service);
  registerSaveDialog();
  registerOpenDialog();
  registerOpenFolder(userData);
  const open = () => {
    const window = createMainWindow({
      preload: preloadPath(mainDir),
      userData,
      onClosed: (id) => {
        service.forget(`window:${id}`);
      },
    });
    installMenu(window, getSetting(service.context.mirror, 'defaultLanguage'));
  };
  open();
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('window-all-closed', () => {
    app.quit();
  });
  app.on('will-quit', () => {
    void service.context.jobs.stopAll();
    // The service's connection: after a restore it is a new one on the restored file.
    service.context.mirror.close();
  });
  void checkForUpdates(getSetting(service.context.mirror, 'updateUrl')).catch(() => undefined);
}

start().catch((error: unknown) => {
  dialog.showErrorBox('Мөөр', isMoorError(error) ? error.message : String(error));
  app.quit();
});
