import { z } from 'zod';
import { MoorError } from '../../errors';
import type { SyncResult } from '../../mirror/run-sync';
import { syncBundleFile } from '../../mirror/sync-bundle';
import { syncKundolukAccounts, type KundolukAccount } from '../../mirror/sync-kundoluk-accounts';
import type { SecretName } from '../../secrets/secret-store';
import { syncWorkbookFile } from '../../mirror/sync-workbook';
import type { SyncResultView } from '../../../shared/register-views';
import { JobCancelled, type JobScope } from './job-scope';
import { getSetting } from '../../settings/app-settings';
import { aisRefresher, type AisTokens } from '../../mirror/kundoluk/sign-in';

const workbookParams = z.object({
  path: z.string(),
  className: z.string().nullable(),
  quarter: z.number().int().nullable(),
  skipUnreadable: z.boolean(),
});
const bundleParams = z.object({ path: z.string() });
const kundolukParams = z.object({
  from: z.string(),
  to: z.string(),
  resume: z.boolean(),
  accounts: z.array(
    z.object({
      name: z.string(),
      secret: z
        .string()
        .regex(/^kundoluk\.(token|account\.\d+)$/)
        .transform((name) => name as SecretName),
    }),
  ),
});

function resultView(result: SyncResult): SyncResultView {
  return {
    runId: result.runId,
    source: result.source,
    name: result.name,
    added: result.added,
    changed: result.changed,
    removed: result.removed,
    changesSeen: result.changesSeen,
    warnings: result.warnings,
  };
}

function context(scope: JobScope) {
  return { actor: scope.actor, clock: () => new Date() };
}

/** A class journal workbook (.xlsx) into the mirror, in one transaction. */
export async function syncWorkbookJob(scope: JobScope): Promise<SyncResultView> {
  const params = workbookParams.parse(scope.params);
  scope.progress(0.05, 'job.sync.reading');
  const result = await syncWorkbookFile(
    scope.mirror,
    params.path,
    {
      ...(params.className === null ? {} : { className: params.className }),
      ...(params.quarter === null ? {} : { quarter: params.quarter }),
      skipUnreadable: params.skipUnreadable,
    },
    context(scope),
  );
  return resultView(result);
}

/** A Мөөр JSON bundle into the mirror, in one transaction. */
export function syncBundleJob(scope: JobScope): SyncResultView {
  const params = bundleParams.parse(scope.params);
  scope.progress(0.05, 'job.sync.reading');
  return resultView(syncBundleFile(scope.mirror, params.path, context(scope)));
}

const CANCEL_POLL_MS = 100;

/** The AIS tokens a sign-in kept, for renewing the connection's own token on a 401. */
function keptAisTokens(scope: JobScope): AisTokens | null {
  const kept = scope.secret('kundoluk.ais');
  return kept === null ? null : (JSON.parse(kept) as AisTokens);
}

/**
 * A date range from Kundoluk, through each of the school's accounts in turn. The address comes
 * from the settings; the tokens were lent to the worker from the secret store, so none travels in
 * a job's parameters or its view.
 */
export async function syncKundolukJob(scope: JobScope): Promise<SyncResultView> {
  const params = kundolukParams.parse(scope.params);
  const connection = getSetting(scope.mirror, 'kundoluk');
  const service = getSetting(scope.mirror, 'kundolukService');
  const url = connection.url;
  const ais = keptAisTokens(scope);
  const accounts = params.accounts.flatMap((a): KundolukAccount[] => {
    const token = scope.secret(a.secret);
    if (token === null) return [];
    // The kept AIS sign-in is the connection's own account's.
    if (a.secret !== 'kundoluk.token' || ais === null || url === null) return [{ account: a.name, token }];
    const refresh = aisRefresher(ais, { baseUrl: url, path: service.paths.signIn }, (renewed) => {
      scope.keepSecret('kundoluk.token', renewed);
    });
    return [{ account: a.name, token, refresh }];
  });
  if (url === null || accounts.length === 0) {
    throw new MoorError(
      'KUNDOLUK_NOT_SET',
      'Kundoluk is not connected: the administrator enters its address in Settings, and a token or an account is added.',
    );
  }
  const controller = new AbortController();
  const watch = setInterval(() => {
    if (scope.cancelled()) controller.abort();
  }, CANCEL_POLL_MS);
  scope.progress(0.05, 'job.sync.fetching');
  try {
    const result = await syncKundolukAccounts(
      scope.mirror,
      {
        baseUrl: url,
        accounts,
        role: service.role,
        paths: service.paths,
        from: params.from,
        to: params.to,
        signal: controller.signal,
        resume: params.resume,
        // Each written week moves the bar; the screen names the account and the week.
        onProgress: (p) => {
          const done = (p.accountNumber - 1 + p.week / p.weeks) / p.accounts;
          scope.progress(0.05 + 0.95 * done, 'job.sync.kundolukWeek', { ...p });
        },
      },
      context(scope),
    );
    if (result.last === null) {
      throw new MoorError(
        'KUNDOLUK_NOTHING_LEFT',
        `The sync of ${params.from} – ${params.to} was already complete.`,
      );
    }
    return {
      ...resultView(result.last),
      name: `${result.accounts.map((a) => a.account).join(', ')} ${params.from} – ${params.to}`,
      added: result.added,
      changed: result.changed,
      removed: result.removed,
      changesSeen: result.changesSeen,
      warnings: result.warnings,
    };
  } catch (error) {
    if (controller.signal.aborted) throw new JobCancelled();
    throw error;
  } finally {
    clearInterval(watch);
  }
}
