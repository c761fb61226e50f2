import type { Mirror } from '../../db/mirror';

export interface SyncJob {
  account: string;
  from: string;
  to: string;
  weeks: number;
  at: string;
}

export interface SyncProgress {
  /** Null until the first week is written: a sync that wrote nothing leaves no trace. */
  id: number | null;
  weeksDone: number;
}

/**
 * The unfinished sync of this account and range, to continue from its first unwritten week; with
 * `sameRun`, only one that belongs to the run started at `job.at` (a run of several accounts).
 */
export function findProgress(mirror: Mirror, job: SyncJob, resume: boolean, sameRun = false): SyncProgress {
  if (!resume) return { id: null, weeksDone: 0 };
  let query = mirror.db
    .selectFrom('kundoluk_sync')
    .select(['id', 'weeks_done'])
    .where('account', '=', job.account)
    .where('range_from', '=', job.from)
    .where('range_to', '=', job.to)
    .where('weeks', '=', job.weeks)
    .where('finished_at', 'is', null);
  if (sameRun) query = query.where('started_at', '=', job.at);
  const open = mirror.first(query.orderBy('id', 'desc'));
  return open === undefined ? { id: null, weeksDone: 0 } : { id: open.id, weeksDone: open.weeks_done };
}

/** Written in the week's own transaction, so the record never runs ahead of the mirror. */
export function weekWritten(
  mirror: Mirror,
  progress: SyncProgress,
  job: SyncJob,
  week: { to: string; runId: number },
  at: string,
): void {
  progress.weeksDone++;
  const done = {
    weeks_done: progress.weeksDone,
    done_through: week.to,
    last_run_id: week.runId,
    finished_at: progress.weeksDone === job.weeks ? at : null,
  };
  if (progress.id === null) {
    const row = {
      account: job.account,
      range_from: job.from,
      range_to: job.to,
      weeks: job.weeks,
      started_at: job.at,
    };
    progress.id = mirror.run(
      mirror.db.insertInto('kundoluk_sync').values({ ...row, ...done }),
    ).lastInsertRowid;
  } else {
    mirror.run(mirror.db.updateTable('kundoluk_sync').set(done).where('id', '=', progress.id));
  }
}
