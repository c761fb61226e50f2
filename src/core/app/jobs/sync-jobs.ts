import { z } from 'zod';
import { MoorError } from '../../errors';
import type { SyncResult } from '../../mirror/run-sync';
import { syncBundleFile } from '../../mirror/sync-bundle';
import { syncKundoluk } from '../../mirror/sync-kundoluk';
import { syncWorkbookFile } from '../../mirror/sync-workbook';
import type { SyncResultView } from '../../../shared/register-views';
import { JobCancelled, type JobScope } from './job-scope';
import { getSetting } from '../../settings/app-settings';

const workbookParams = z.object({
  path: z.string(),
  className: z.string().nullable(),
  quarter: z.number().int().nullable(),
  skipUnreadable: z.boolean(),
});
const bundleParams = z.object({ path: z.string() });
const kundolukParams = z.object({ from: z.string(), to: z.string() });

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

/**
 * A date range from Kundoluk. The address and the token come from the settings inside the
 * worker, so the token never travels in a job's parameters or a message.
 */
export async function syncKundolukJob(scope: JobScope): Promise<SyncResultView> {
  const params = kundolukParams.parse(scope.params);
  const connection = getSetting(scope.mirror, 'kundoluk');
  const token = getSetting(scope.mirror, 'kundolukToken');
  if (connection.url === null || token === null) {
    throw new MoorError(
      'KUNDOLUK_NOT_SET',
      'Kundoluk is not connected: the administrator enters its address and token in Settings.',
    );
  }
  const controller = new AbortController();
  const watch = setInterval(() => {
    if (scope.cancelled()) controller.abort();
  }, CANCEL_POLL_MS);
  scope.progress(0.05, 'job.sync.fetching');
  try {
    const result = await syncKundoluk(
      scope.mirror,
      { baseUrl: connection.url, token, from: params.from, to: params.to, signal: controller.signal },
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
