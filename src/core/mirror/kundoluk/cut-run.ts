import type { Mirror } from '../../db/mirror';

/** A sync run of the school's accounts that stopped before its last account's last week. */
export interface CutRun {
  /** The run's start, which its accounts share. */
  startedAt: string;
  from: string;
  to: string;
  /** The first account the run did not finish, and how far it got. */
  account: string;
  weeksDone: number;
  weeks: number;
  doneThrough: string | null;
  /** The accounts the run finished: a resume does not ask them again. */
  finished: string[];
}

/**
 * The latest run of these accounts (of these dates, when given), if it did not finish every one
 * of them. An account it never reached has no row yet and counts as not started.
 */
export function findCutRun(
  mirror: Mirror,
  accounts: readonly string[],
  range?: { from: string; to: string },
): CutRun | null {
  if (accounts.length === 0) return null;
  let latest = mirror.db
    .selectFrom('kundoluk_sync')
    .select(['started_at', 'range_from', 'range_to', 'weeks'])
    .where('account', 'in', accounts);
  if (range !== undefined) {
    latest = latest.where('range_from', '=', range.from).where('range_to', '=', range.to);
  }
  const last = mirror.first(latest.orderBy('id', 'desc').limit(1));
  if (last === undefined) return null;
  const rows = mirror.all(
    mirror.db
      .selectFrom('kundoluk_sync')
      .selectAll()
      .where('account', 'in', accounts)
      .where('range_from', '=', last.range_from)
      .where('range_to', '=', last.range_to)
      .where('started_at', '=', last.started_at)
      .orderBy('id'),
  );
  const finished = rows.filter((r) => r.finished_at !== null).map((r) => r.account);
  const next = accounts.find((a) => !finished.includes(a));
  if (next === undefined) return null;
  const row = rows.find((r) => r.account === next);
  return {
    startedAt: last.started_at,
    from: last.range_from,
    to: last.range_to,
    account: next,
    weeksDone: row?.weeks_done ?? 0,
    weeks: row?.weeks ?? last.weeks,
    doneThrough: row?.done_through ?? null,
    finished,
  };
}
