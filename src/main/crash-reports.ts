import { app, crashReporter, dialog } from 'electron';
import { noteCrash } from '../core/log/last-run';
import { log } from '../core/log/log';

/**
 * Crashes are kept on this PC: Electron's crash reporter writes minidumps to the crash-dumps folder
 * and uploads nothing; an uncaught error of main and every renderer or helper process that goes
 * away abnormally is logged and noted, so the next start says the last run ended in a crash.
 */
export function keepCrashReports(logDir: string): void {
  crashReporter.start({ uploadToServer: false, compress: true });
  process.on('uncaughtException', (error) => {
    log.error('main process: uncaught error', error);
    noteCrash(logDir, `main process: ${error.message}`, new Date());
    dialog.showErrorBox('Мөөр', error.message);
    app.exit(70);
  });
  process.on('unhandledRejection', (reason) => {
    log.error('main process: unhandled rejection', reason);
  });
  app.on('render-process-gone', (_event, _contents, details) => {
    if (details.reason === 'clean-exit') return;
    log.error('window process gone', undefined, { reason: details.reason, exitCode: details.exitCode });
    noteCrash(logDir, `window: ${details.reason}`, new Date());
  });
  app.on('child-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    log.error('helper process gone', undefined, { type: details.type, reason: details.reason });
    noteCrash(logDir, `${details.type}: ${details.reason}`, new Date());
  });
}
