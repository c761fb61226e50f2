import { app } from 'electron';

/**
 * Checks the school's own update server (a generic HTTP folder set in Settings). Only inside the
 * packaged app: electron-updater's autoUpdater must not be touched elsewhere.
 */
export async function checkForUpdates(updateUrl: string | null): Promise<void> {
  if (!app.isPackaged || !updateUrl) return;
  const { default: updater } = await import('electron-updater');
  const { autoUpdater } = updater;
  autoUpdater.setFeedURL({ provider: 'generic', url: updateUrl });
  autoUpdater.autoInstallOnAppQuit = true;
  await autoUpdater.checkForUpdatesAndNotify();
}
