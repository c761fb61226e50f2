import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { app } from 'electron';
import type { UpdatePort } from '../core/app/host';
import { isMoorError, MoorError } from '../core/errors';
import { log } from '../core/log/log';
import { readOfflineUpdate, type OfflineUpdate } from '../core/updates/offline-update';
import { parseUpdateSource } from '../core/updates/update-source';
import type { UpdateStatusView } from '../shared/operations-views';

/**
 * The installed app's updater. It checks the school's update address (https only, or a folder the
 * admin chose), fetches and verifies a newer version, and installs it only when the admin confirms
 * in the settings, never silently on quit. Over https electron-updater checks the download's sha512
 * against latest.yml and, on Windows, the installer's signature against `publisherName`; from a
 * folder the core checks the sha512 against latest.yml before and again right at the start.
 * Every outcome is logged and kept in `statusFile`, so the settings show the last check after a restart.
 */
export interface UpdaterOptions {
  /** The update address in the settings, read at each check. */
  readonly address: () => string | null;
  readonly statusFile: string;
  readonly now?: () => Date;
}

type AutoUpdater = (typeof import('electron-updater'))['autoUpdater'];

function readStatus(file: string): UpdateStatusView | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as UpdateStatusView;
  } catch {
    return null;
  }
}

export function createUpdater(options: UpdaterOptions): UpdatePort {
  const now = options.now ?? (() => new Date());
  const kept = readStatus(options.statusFile);
  let status: UpdateStatusView = {
    currentVersion: app.getVersion(),
    source: kept?.source ?? null,
    lastCheckAt: kept?.lastCheckAt ?? null,
    // A fetched update does not outlive the run that verified it.
    result: kept && kept.result !== 'ready' && kept.result !== 'downloading' ? kept.result : 'never',
    versionOffered: kept?.versionOffered ?? null,
    error: kept?.error ?? null,
  };
  let offline: OfflineUpdate | null = null;
  let online: AutoUpdater | null = null;

  function set(next: Partial<UpdateStatusView>): UpdateStatusView {
    status = { ...status, ...next };
    try {
      fs.writeFileSync(options.statusFile, JSON.stringify(status));
    } catch (error) {
      log.error('could not keep the update status', error);
    }
    return status;
  }

  function failed(error: unknown): UpdateStatusView {
    const shown: UpdateStatusView['error'] = isMoorError(error)
      ? { code: error.code, message: error.message }
      : { code: 'UPDATE_FAILED', message: error instanceof Error ? error.message : String(error) };
    log.error('update check failed', error);
    return set({ result: 'error', error: shown });
  }

  async function autoUpdater(): Promise<AutoUpdater> {
    if (online) return online;
    const { default: updater } = await import('electron-updater');
    const instance = updater.autoUpdater;
    instance.autoDownload = true;
    instance.autoInstallOnAppQuit = false;
    instance.logger = {
      info: (message?: unknown) => {
        log.info(`updater: ${String(message)}`);
      },
      warn: (message?: unknown) => {
        log.warn(`updater: ${String(message)}`);
      },
      error: (message?: unknown) => {
        log.error(`updater: ${String(message)}`);
      },
    };
    instance.on('error', (error: Error) => failed(error));
    instance.on('update-not-available', () =>
      set({ result: 'up-to-date', versionOffered: null, error: null }),
    );
    instance.on('update-available', (info: { version: string }) =>
      set({ result: 'downloading', versionOffered: info.version, error: null }),
    );
    instance.on('update-downloaded', (info: { version: string }) => {
      log.info('update fetched and verified; waiting for the admin', { version: info.version });
      set({ result: 'ready', versionOffered: info.version, error: null });
    });
    online = instance;
    return instance;
  }

  async function installFromFolder(checked: OfflineUpdate): Promise<UpdateStatusView> {
    try {
      // Checked again now: the drive may have been swapped since the check.
      const source = parseUpdateSource(options.address() ?? '');
      const verified =
        source.kind === 'folder' ? await readOfflineUpdate(source.path, app.getVersion()) : null;
      if (verified?.installer !== checked.installer) {
        throw new MoorError('UPDATE_NOT_READY', 'The update in the folder changed; check again.');
      }
      log.info('installing the update from the folder', { version: verified.version });
      spawn(verified.installer, [], { detached: true, stdio: 'ignore' }).unref();
      app.quit();
      return status;
    } catch (error) {
      offline = null;
      return failed(error);
    }
  }

  const port: UpdatePort = {
    status: () => (app.isPackaged ? status : { ...status, result: 'not-installed' }),
    async check() {
      if (!app.isPackaged) return port.status();
      offline = null;
      try {
        const address = options.address();
        if (address === null) {
          throw new MoorError('UPDATE_NO_SOURCE', 'No update address is set in the settings.');
        }
        const source = parseUpdateSource(address);
        set({ source: source.kind, lastCheckAt: now().toISOString(), result: 'checking', error: null });
        log.info('update check', { source: source.kind });
        if (source.kind === 'folder') {
          offline = await readOfflineUpdate(source.path, app.getVersion());
          return offline
            ? set({ result: 'ready', versionOffered: offline.version })
            : set({ result: 'up-to-date', versionOffered: null });
        }
        const updater = await autoUpdater();
        updater.setFeedURL({ provider: 'generic', url: source.url });
        await updater.checkForUpdates();
        return status;
      } catch (error) {
        return failed(error);
      }
    },
    async install() {
      if (status.result !== 'ready') {
        throw new MoorError(
          'UPDATE_NOT_READY',
          'There is no verified update to install; check for updates first.',
        );
      }
      if (offline) return installFromFolder(offline);
      const updater = await autoUpdater();
      log.info('installing the fetched update', { version: status.versionOffered });
      updater.quitAndInstall(false, true);
      return status;
    },
  };
  return port;
}
