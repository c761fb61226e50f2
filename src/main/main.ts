import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog } from 'electron';
import type { AppHost } from '../core/app/host';
import { createAppService } from '../core/app/service';
import { getSetting } from '../core/settings/app-settings';
import { openMirror } from '../core/db/mirror';
import { isMoorError } from '../core/errors';
import { beginRun, endRun } from '../core/log/last-run';
import { log, openLog } from '../core/log/log';
import { cliArguments, runCliInApp } from './cli-mode';
import { keepCrashReports } from './crash-reports';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { registerOpenDialog } from './open-dialog';
import { registerOpenFolder } from './open-folder';
import { registerPrintPdf } from './print-pdf';
import { registerAppScheme, serveRenderer } from './protocol';
import { SafeStorageSecrets } from './safe-storage-secrets';
import { registerSaveDialog } from './save-dialog';
import { createUpdater } from './updater';
import { createMainWindow, preloadPath } from './window';

/** Electron main: thin. It opens the mirror in the user-data folder and hands everything to the core. */
const mainDir = path.dirname(fileURLToPath(import.meta.url));
const userData = app.getPath('userData');
const logDir = path.join(userData, 'logs');
openLog(logDir);

const cliArgs = cliArguments(process.argv);
if (cliArgs) void runCliInApp();
else startWindowApp();

function startWindowApp(): void {
  if (!app.requestSingleInstanceLock()) app.quit();
  keepCrashReports(logDir);
  registerAppScheme();
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  start().catch((error: unknown) => {
    log.error('the app could not start', error);
    dialog.showErrorBox('Мөөр', isMoorError(error) ? error.message : String(error));
    app.quit();
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  fs.mkdirSync(userData, { recursive: true });
  const lastCrash = beginRun(logDir, new Date());
  log.info('Мөөр started', { version: app.getVersion(), electron: process.versions.electron });
  const mirror = openMirror(path.join(userData, 'moor.sqlite'), { create: true });
  const host: AppHost = {
    versions: {
      app: app.getVersion(),
      electron: process.versions.electron,
      chrome: process.versions.chrome,
    },
    logDir,
    crashDumpsDir: app.getPath('crashDumps'),
    lastCrash,
    updates: createUpdater({
      address: () => getSetting(service.context.mirror, 'updateUrl'),
      statusFile: path.join(userData, 'update-status.json'),
    }),
  };
  const service = createAppService({
    mirror,
    host,
    secrets: new SafeStorageSecrets(path.join(userData, 'secrets')),
  });
  serveRenderer(path.join(mainDir, '..', 'renderer'));
  registerIpc(service);
  registerSaveDialog();
  registerOpenDialog();
  registerOpenFolder(userData);
  registerPrintPdf(userData);
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
    log.info('Мөөр quit');
    endRun(logDir);
  });
  // A check only fetches and verifies; installing waits for the admin in the settings.
  if (getSetting(mirror, 'updateUrl') !== null) void host.updates.check();
}
