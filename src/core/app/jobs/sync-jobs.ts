import { z } from 'zod';
import { MoorError } from '../../errors';
import type { SyncResult } from '../../mirror/run-sync';
import { syncBundleFile } from '../../mirror/sync-bundle';
import { syncKundoluk } from '../../mirror/sync-kundoluk';
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
const kundolukParams = z.object({ from: z.string(), to: z.string(), resume: z.boolean() });

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

/** The AIS tokens a sign-in kept, for renewing Kundoluk's token on a 401. */
function keptAisTokens(scope: JobScope): AisTokens | null {
  const kept = scope.secret('kundoluk.ais');
  return kept === null ? null : (JSON.parse(kept) as AisTokens);
}

/**
 * A date range from Kundoluk. The address comes from the settings; the token was lent to the
 * worker from the secret store, so it never travels in a job's parameters or its view.
 */
export async function syncKundolukJob(scope: JobScope): Promise<SyncResultView> {
  const params = kundolukParams.parse(scope.params);
  const connection = getSetting(scope.mirror, 'kundoluk');
  const service = getSetting(scope.mirror, 'kundolukService');
  const token = scope.secret('kundoluk.token');
  if (connection.url === null || token === null) {
    throw new MoorError(
      'KUNDOLUK_NOT_SET',
      'Kundoluk is not connected: the administrator enters its address and token in Settings.',
    );
  }
  const ais = keptAisTokens(scope);
  const controller = new AbortController();
  const watch = setInterval(() => {
    if (scope.cancelled()) controller.abort();
  }, CANCEL_POLL_MS);
  scope.progress(0.05, 'job.sync.fetching');
  try {
    const result = await syncKundoluk(
      scope.mirror,
      {
        baseUrl: connection.url,
        token,
        role: service.role,
        paths: service.paths,
        from: params.from,
        to: params.to,
        signal: controller.signal,
        resume: params.resume,
        // Each written week moves the bar; the screen names the account and the week.
        onProgress: (p) => {
          scope.progress(0.05 + (0.95 * p.week) / p.weeks, 'job.sync.kundolukWeek', { ...p });
        },
        ...(ais === null
          ? {}
          : {
              refresh: aisRefresher(
                ais,
                { baseUrl: connection.url, path: service.paths.signIn },
                (renewed) => {
                  scope.keepSecret('kundoluk.token', renewed);
                },
              ),
            }),
      },
      context(scope),
    );
    return resultView(result);
  } catch (error) {
    if (controller.signal.aborted) throw new JobCancelled();
    throw error;
  } finally {
    clearInterval(watch);
  }
}
