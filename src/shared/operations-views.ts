/** What the settings show of the updater and of the app's own health (crashes, diagnostics). */
import type { ErrorCode } from './error-codes';

/**
 * The last update check's outcome: never checked; checking; nothing newer; a newer version being
 * fetched; a newer version fetched and verified, waiting for the admin's go-ahead; the check failed;
 * or updates are not possible here (not the installed app).
 */
export type UpdateResult =
  'never' | 'checking' | 'up-to-date' | 'downloading' | 'ready' | 'error' | 'not-installed';

export interface UpdateStatusView {
  readonly currentVersion: string;
  /** Where updates come from: the school's https server, a folder (a USB drive), or nowhere yet. */
  readonly source: 'https' | 'folder' | null;
  readonly lastCheckAt: string | null;
  readonly result: UpdateResult;
  readonly versionOffered: string | null;
  readonly error: { readonly code: ErrorCode; readonly message: string } | null;
}

export interface LastCrashView {
  readonly at: string;
  readonly what: string;
}

export interface DiagnosticsStatusView {
  /** The last run ended in a crash: told after the next start until someone dismisses it. */
  readonly lastCrash: LastCrashView | null;
}

export interface DiagnosticsSavedView {
  readonly path: string;
  readonly bytes: number;
  readonly files: readonly string[];
}
