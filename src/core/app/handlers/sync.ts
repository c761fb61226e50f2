import fs from 'node:fs';
import path from 'node:path';
import { MoorError } from '../../errors';
import type { KundolukCutSyncView, SyncRunView } from '../../../shared/register-views';
import { findCutRun } from '../../mirror/kundoluk/cut-run';
import { readCoverage } from '../../mirror/read-coverage';
import { schoolKundolukAccounts } from '../kundoluk-accounts';
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
 * The latest sync of the school's accounts that stopped before its last account's last week: the
 * first account it did not finish and how far that got. A later run of the same dates hides it.
 */
function cutKundolukSync(ctx: SignedInContext): KundolukCutSyncView | null {
  const names = schoolKundolukAccounts(ctx.mirror, (name) => ctx.secrets.get(name) !== null).map(
    (a) => a.name,
  );
  const cut = findCutRun(ctx.mirror, names);
  if (cut === null) return null;
  return {
    account: cut.account,
    from: cut.from,
    to: cut.to,
    weeksDone: cut.weeksDone,
    weeks: cut.weeks,
    doneThrough: cut.doneThrough,
    startedAt: cut.startedAt,
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
      const accounts = schoolKundolukAccounts(ctx.mirror, (name) => ctx.secrets.get(name) !== null);
      // Each account's token is lent to the job's worker beside its parameters, never in them.
      return ctx.jobs.start(
        'sync.kundoluk',
        {
          from: input.from,
          to: input.to,
          resume: input.resume === true,
          accounts: accounts.map((a) => ({ name: a.name, secret: a.secret })),
        },
        ctx.actor,
        ['kundoluk.ais', ...accounts.map((a) => a.secret)],
      );
    },
  },
  'sync.kundolukCut': { access: 'mirror.sync', run: (ctx) => cutKundolukSync(ctx) },
  'sync.coverage': { access: 'mirror.read', run: (ctx) => readCoverage(ctx.mirror) },
} as const satisfies {
  [
    N in
      'sync.runs' | 'sync.workbook' | 'sync.bundle' | 'sync.kundoluk' | 'sync.kundolukCut' | 'sync.coverage'
  ]: Handler<N>;
};
