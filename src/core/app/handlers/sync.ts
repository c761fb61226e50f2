import fs from 'node:fs';
import path from 'node:path';
import { MoorError } from '../../errors';
import type { KundolukCutSyncView, SyncRunView } from '../../../shared/register-views';
import { getSetting } from '../../settings/app-settings';
import type { Handler, SignedInContext } from '../handler';

/** A file the deputy named must exist before a worker is started for it; the message names it. */
export function existingFile(file: string, extensions: readonly string[]): string {
  const full = path.resolve(file);
  if (!path.isAbsolute(file)) {
    throw new MoorError('FILE_NOT_FOUND', `${file}: give the full path of the file.`, {
      file,
      field: 'path',
    });
  }
  if (!extensions.includes(path.extname(full).toLowerCase())) {
    throw new MoorError('FILE_TYPE', `${path.basename(full)}: expected a ${extensions.join(' or ')} file.`, {
      file: path.basename(full),
      field: 'path',
    });
  }
  if (!fs.existsSync(full) || !fs.statSync(full).isFile()) {
    throw new MoorError('FILE_NOT_FOUND', `${full}: there is no such file.`, {
      file: path.basename(full),
      field: 'path',
    });
  }
  return full;
}

function syncRuns(ctx: SignedInContext, limit: number): SyncRunView[] {
  const rows = ctx.mirror.all(
    ctx.mirror.db.selectFrom('sync_run').selectAll().orderBy('id', 'desc').limit(limit),
  );
  return rows.map((r) => ({
    id: r.id,
    source: r.source,
    name: r.source_name,
    // The run's actor is stored as role:id:name; people read the name.
    actor: r.actor.split(':').slice(2).join(':'),
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    added: r.added,
    changed: r.changed,
    removed: r.removed,
    warnings: JSON.parse(r.warnings_json) as string[],
  }));
}

/**
 * The connected account's latest sync that stopped before its last week. The account is the
 * address's host, as the sync names it; a sync of the same dates finished since hides it.
 */
function cutKundolukSync(ctx: SignedInContext): KundolukCutSyncView | null {
  const url = getSetting(ctx.mirror, 'kundoluk').url;
  const account = url === null ? null : URL.parse(url)?.host;
  if (account == null) return null;
  const { mirror } = ctx;
  const latest = mirror.first(
    mirror.db
      .selectFrom('kundoluk_sync')
      .selectAll()
      .where('account', '=', account)
      .orderBy('id', 'desc')
      .limit(1),
  );
  if (latest === undefined || latest.finished_at !== null) return null;
  return {
    account,
    from: latest.range_from,
    to: latest.range_to,
    weeksDone: latest.weeks_done,
    weeks: latest.weeks,
    doneThrough: latest.done_through,
    startedAt: latest.started_at,
  };
}

/** The deputies' sync: each source runs as a job in a worker with its own connection. */
export const syncHandlers = {
  'sync.runs': { access: 'mirror.read', run: (ctx, input) => syncRuns(ctx, input.limit) },
  'sync.workbook': {
    access: 'mirror.sync',
    run: (ctx, input) =>
      ctx.jobs.start(
        'sync.workbook',
        {
          path: existingFile(input.path, ['.xlsx']),
          className: input.className,
          quarter: input.quarter,
          skipUnreadable: input.skipUnreadable === true,
        },
        ctx.actor,
      ),
  },
  'sync.bundle': {
    access: 'mirror.sync',
    run: (ctx, input) =>
      ctx.jobs.start('sync.bundle', { path: existingFile(input.path, ['.json']) }, ctx.actor),
  },
  'sync.kundoluk': {
    access: 'mirror.sync',
    run(ctx, input) {
      if (input.from > input.to) {
        throw new MoorError('BAD_DATES', `The range ${input.from} – ${input.to} ends before it starts.`, {
          field: 'to',
        });
      }
      return ctx.jobs.start(
        'sync.kundoluk',
        { from: input.from, to: input.to, resume: input.resume === true },
        ctx.actor,
        ['kundoluk.token', 'kundoluk.ais'],
      );
    },
  },
  'sync.kundolukCut': { access: 'mirror.sync', run: (ctx) => cutKundolukSync(ctx) },
} as const satisfies {
  [N in 'sync.runs' | 'sync.workbook' | 'sync.bundle' | 'sync.kundoluk' | 'sync.kundolukCut']: Handler<N>;
};
