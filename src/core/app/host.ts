import { appVersion } from '../app-version';
import type { LastRunCrash } from '../log/last-run';
import { logDir } from '../log/log';
import type { UpdateStatusView } from '../../shared/operations-views';
import type { SharingView } from '../../shared/network-views';

/** The updater, which only the installed app has: Electron's main process implements it. */
export interface UpdatePort {
  status(): UpdateStatusView;
  /** Checks the school's update address now; a newer version is fetched and verified, never installed. */
  check(): Promise<UpdateStatusView>;
  /** Installs the verified update: only on the admin's confirmation, and the app restarts. */
  install(): Promise<UpdateStatusView>;
}

/**
 * Sharing this Мөөр on the school's network: the process that hosts the core (the app, the browser
 * mode) runs the HTTPS host; the core only asks it, for the admin, and audits what was done.
 */
export interface SharingPort {
  status(): SharingView;
  start(listen: string): Promise<SharingView>;
  stop(): Promise<SharingView>;
  renewCode(): SharingView;
  endSession(sessionId: string): SharingView;
  unpair(pcId: string): SharingView;
}

/**
 * What the process hosting the core knows and the core cannot: Electron's main sets it in the
 * installed app; the browser mode, tests and the command line get `plainHost()`.
 */
export interface AppHost {
  /** Versions of the parts (Electron, Chromium, the OS) for the diagnostics. */
  readonly versions: Readonly<Record<string, string>>;
  /** Where the log is written; null when nothing is logged. */
  readonly logDir: string | null;
  /** Electron's crash dumps folder: listed (never copied) in the diagnostics. */
  readonly crashDumpsDir: string | null;
  /** The last run's crash, told until someone dismisses it. */
  lastCrash: LastRunCrash | null;
  readonly updates: UpdatePort;
  /** Sharing on the network, where the hosting process can; null where it cannot. */
  readonly sharing: SharingPort | null;
}

/** Updates come with the installed app; elsewhere the settings say so instead of failing. */
const noUpdates: UpdatePort = {
  status: () => ({
    currentVersion: appVersion(),
    source: null,
    lastCheckAt: null,
    result: 'not-installed',
    versionOffered: null,
    error: null,
  }),
  check() {
    return Promise.resolve(this.status());
  },
  install() {
    return Promise.resolve(this.status());
  },
};

export function plainHost(): AppHost {
  return {
    versions: {},
    logDir: logDir(),
    crashDumpsDir: null,
    lastCrash: null,
    updates: noUpdates,
    sharing: null,
  };
}
