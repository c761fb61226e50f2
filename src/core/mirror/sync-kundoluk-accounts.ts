import type { Mirror } from '../db/mirror';
import { isMoorError, MoorError } from '../errors';
import { findCutRun } from './kundoluk/cut-run';
import type { SyncContext } from './run-sync';
import {
  syncKundoluk,
  type KundolukProgress,
  type KundolukSyncOptions,
  type KundolukSyncResult,
} from './sync-kundoluk';

/** One Kundoluk account the school syncs from: a teacher's or a class teacher's, with its token. */
export interface KundolukAccount {
  /** Whose account it is, as the coverage and the sync log name it (never the token). */
  account: string;
  token: string;
  /** Renews the token on a 401 (the AIS sign-in kept for this account). */
  refresh?: () => Promise<string>;
}

export interface AccountsProgress extends KundolukProgress {
  /** 1-based: the account being synced, of all. */
  accountNumber: number;
  accounts: number;
}

export interface AccountsSyncOptions extends Omit<
  KundolukSyncOptions,
  'token' | 'refresh' | 'account' | 'onProgress' | 'runStartedAt'
> {
  accounts: readonly KundolukAccount[];
  onProgress?: (progress: AccountsProgress) => void;
}

export interface AccountSyncSummary {
  account: string;
  /** Finished by the run this one resumed: not asked again. */
  alreadyDone: boolean;
  added: number;
  changed: number;
  removed: number;
}

export interface AccountsSyncResult {
  accounts: AccountSyncSummary[];
  added: number;
  changed: number;
  removed: number;
  changesSeen: number;
  requests: number;
  bytes: number;
  warnings: string[];
  /** The last written week's run. */
  last: KundolukSyncResult | null;
}

/** A failure names the account it happened with: the deputy renews that account's sign-in. */
function namingAccount(error: unknown, account: string): unknown {
  if (!isMoorError(error) || error.code === 'KUNDOLUK_CANCELLED') return error;
  return new MoorError(error.code, `${account}: ${error.message}`, { ...error.details, account });
}

/**
 * The whole school from several accounts (no Kundoluk endpoint gives a school's journal: each
 * teacher's token sees that teacher's lessons, a class teacher's the class). The accounts are
 * synced one after another, week by week each; a failure stops the run naming the account, and a
 * resume continues the account that was cut and those after it.
 */
export async function syncKundolukAccounts(
  mirror: Mirror,
  options: AccountsSyncOptions,
  context: SyncContext,
): Promise<AccountsSyncResult> {
  const { accounts, onProgress, ...common } = options;
  const names = accounts.map((a) => a.account);
  if (accounts.length === 0) {
    throw new MoorError('KUNDOLUK_NOT_SET', 'No Kundoluk account is added to sync from.');
  }
  if (new Set(names).size !== names.length) {
    throw new MoorError('KUNDOLUK_ACCOUNT_TWICE', 'Two Kundoluk accounts have the same name.', {
      field: 'name',
    });
  }
  const cut = options.resume === true ? findCutRun(mirror, names, options) : null;
  const runStart = cut?.startedAt ?? context.clock().toISOString();
  const result: AccountsSyncResult = {
    accounts: [],
    added: 0,
    changed: 0,
    removed: 0,
    changesSeen: 0,
    requests: 0,
    bytes: 0,
    warnings: [],
    last: null,
  };
  for (const [index, account] of accounts.entries()) {
    if (cut?.finished.includes(account.account) === true) {
      result.accounts.push({ account: account.account, alreadyDone: true, added: 0, changed: 0, removed: 0 });
      continue;
    }
    let synced: KundolukSyncResult;
    try {
      synced = await syncKundoluk(
        mirror,
        {
          ...common,
          account: account.account,
          token: account.token,
          ...(account.refresh === undefined ? {} : { refresh: account.refresh }),
          resume: cut !== null,
          runStartedAt: runStart,
          ...(onProgress === undefined
            ? {}
            : {
                onProgress: (p: KundolukProgress) => {
                  onProgress({ ...p, accountNumber: index + 1, accounts: accounts.length });
                },
              }),
        },
        context,
      );
    } catch (error) {
      throw namingAccount(error, account.account);
    }
    result.accounts.push({
      account: account.account,
      alreadyDone: false,
      added: synced.added,
      changed: synced.changed,
      removed: synced.removed,
    });
    result.added += synced.added;
    result.changed += synced.changed;
    result.removed += synced.removed;
    result.changesSeen += synced.changesSeen;
    result.requests += synced.requests;
    result.bytes += synced.bytes;
    result.warnings.push(...synced.warnings.map((w) => `${account.account}: ${w}`));
    result.last = synced;
  }
  return result;
}
