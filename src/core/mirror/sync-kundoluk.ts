import { assertAllowed } from '../auth/permissions';
import type { Mirror } from '../db/mirror';
import { MoorError } from '../errors';
import { cancelled, KundolukClient, type KundolukClientOptions } from './kundoluk/client';
import { accountAnsweredThrough } from './coverage';
import { kundolukSource } from './kundoluk/kundoluk-source';
import type { GradebookAnswers } from './kundoluk/map-gradebook';
import { defaultPaths } from './kundoluk/paths';
import { findProgress, weekWritten } from './kundoluk/progress';
import type { KundolukLesson, QuarterMark } from './kundoluk/schemas';
import { weeksOf, type Week } from './kundoluk/weeks';
import { runSync, type SyncContext, type SyncResult } from './run-sync';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface KundolukProgress {
  account: string;
  /** Weeks written, of all the range's weeks. */
  week: number;
  weeks: number;
  from: string;
  to: string;
}

export interface KundolukSyncOptions extends KundolukClientOptions {
  from: string;
  to: string;
  /** Whose token this is, as the sync log and the coverage name it (never the token). */
  account?: string;
  /** Continue the last unfinished sync of this account and range from its first unwritten week. */
  resume?: boolean;
  /**
   * When the sync this is part of started: the accounts of one run share it, so a resume knows
   * which accounts that run had finished. Unset, this sync is a run of its own.
   */
  runStartedAt?: string;
  onProgress?: (progress: KundolukProgress) => void;
}

export interface KundolukSyncResult extends SyncResult {
  weeks: number;
  weeksSkipped: number;
  requests: number;
  bytes: number;
}

interface Quarter {
  number: number;
  startsOn: string;
  endsOn: string;
}

/** The quarters a range touches, of the school year the clock is in: the term answers serve only it. */
function currentQuarters(mirror: Mirror, from: string, to: string, today: string): Quarter[] {
  return mirror.sqlite
    .prepare<[{ today: string; from: string; to: string }], Quarter>(
      `SELECT p.number, p.starts_on AS startsOn, p.ends_on AS endsOn FROM reporting_period p
       JOIN academic_year y ON y.id = p.academic_year_id
       WHERE p.kind = 'quarter' AND y.starts_on <= @today AND @today <= y.ends_on AND p.starts_on <= @to AND p.ends_on >= @from
       ORDER BY p.number`,
    )
    .all({ today, from, to });
}

/**
 * Fetches a date range from Kundoluk week by week (the schedule per week, each quarter's marks and
 * absences once) and writes each week in its own transaction as soon as it has arrived and been
 * checked. A sync cut off keeps the weeks it wrote and can be resumed from the next one.
 */
export async function syncKundoluk(
  mirror: Mirror,
  options: KundolukSyncOptions,
  context: SyncContext,
): Promise<KundolukSyncResult> {
  // Checked before anything is fetched: a refused user never reaches the service.
  assertAllowed(context.actor, 'mirror.sync');
  if (!DATE.test(options.from) || !DATE.test(options.to) || options.from > options.to) {
    throw new MoorError(
      'BAD_INPUT',
      `Expected two dates YYYY-MM-DD, the first not after the second (got ${options.from} – ${options.to}).`,
      { field: 'from' },
    );
  }
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const client = new KundolukClient({ ...options, signal });
  const host = new URL(options.baseUrl).host;
  const account = options.account ?? host;
  const weeks = weeksOf(options.from, options.to);
  const started = context.clock();
  const job = {
    account,
    from: options.from,
    to: options.to,
    weeks: weeks.length,
    at: options.runStartedAt ?? started.toISOString(),
  };
  const progress = findProgress(mirror, job, options.resume === true, options.runStartedAt !== undefined);
  const skipped = progress.weeksDone;
  const paths = { ...defaultPaths(client.role), ...options.paths };
  const endpoints = {
    list: paths.list.replaceAll('{role}', client.role),
    term: paths.term.replaceAll('{role}', client.role),
  };
  const quarters = currentQuarters(mirror, options.from, options.to, started.toISOString().slice(0, 10));
  const todo = weeks.slice(skipped);

  // Everything is asked for at once; the client keeps two requests in flight, in this order.
  const terms = new Map(
    quarters.map((q) => [q.number, Promise.all([client.term(q.number, false), client.term(q.number, true)])]),
  );
  const quarterMarks = client.hasQuarterMarks ? client.quarterMarks() : Promise.resolve([] as QuarterMark[]);
  const lists = todo.map((week) => client.lessons(week.from, week.to));
  const pending = [...terms.values(), quarterMarks, ...lists];
  for (const p of pending) p.catch(() => undefined);

  const total = { added: 0, changed: 0, removed: 0, changesSeen: 0 };
  const warnings: string[] = [];
  let last: SyncResult | undefined;
  const report = (done: number, week: Week) => {
    options.onProgress?.({ account, week: done, weeks: weeks.length, from: week.from, to: week.to });
  };
  try {
    const finals = await quarterMarks;
    for (const [index, week] of todo.entries()) {
      const lessons = await (lists[index] as Promise<KundolukLesson[]>);
      const answers = await termAnswers(terms, quarters, week);
      if (quarters.length === 0 && lessons.length > 0) {
        warnings.push(
          `Kundoluk gives marks and absences only for the current school year: the lessons of ${week.from} – ${week.to} ` +
            'were synced, their marks and absences kept as they were.',
        );
      }
      const done = skipped + index + 1;
      const fetched = {
        from: week.from,
        to: week.to,
        requested: { from: options.from, to: options.to },
        answers: { ...answers, lessons, endpoints } satisfies GradebookAnswers,
        // Quarter marks are the year's: written once, with the last week.
        quarterMarks: done === weeks.length ? finals : [],
      };
      const source = {
        ...kundolukSource(fetched, `${account} ${week.from} – ${week.to}`, context.clock),
        account,
      };
      source.afterRecorded = (m, runId) => {
        const at = context.clock().toISOString();
        weekWritten(m, progress, job, { to: week.to, runId }, at);
        accountAnsweredThrough(m, account, week.to, at);
      };
      if (signal.aborted) throw cancelled();
      last = runSync(mirror, source, context);
      total.added += last.added;
      total.changed += last.changed;
      total.removed += last.removed;
      total.changesSeen += last.changesSeen;
      warnings.push(...last.warnings);
      report(done, week);
    }
  } catch (error) {
    stop.abort();
    throw error;
  }
  if (last === undefined) {
    throw new MoorError(
      'KUNDOLUK_NOTHING_LEFT',
      `The sync of ${options.from} – ${options.to} was already complete.`,
    );
  }
  return {
    ...last,
    ...total,
    name: `${account} ${options.from} – ${options.to}`,
    startedAt: started.toISOString(),
    warnings,
    weeks: weeks.length,
    weeksSkipped: skipped,
    requests: client.stats.requests,
    bytes: client.stats.bytes,
  };
}

/** The term answers for a week's lessons: those of every quarter the week touches. */
async function termAnswers(
  terms: Map<number, Promise<[KundolukLesson[], KundolukLesson[]]>>,
  quarters: readonly Quarter[],
  week: Week,
): Promise<Pick<GradebookAnswers, 'marked' | 'absences'>> {
  const touched = quarters.filter((q) => q.startsOn <= week.to && q.endsOn >= week.from);
  if (touched.length === 0) return { marked: null, absences: null };
  const answers = await Promise.all(
    touched.map((q) => terms.get(q.number) as Promise<[KundolukLesson[], KundolukLesson[]]>),
  );
  return { marked: answers.flatMap(([m]) => m), absences: answers.flatMap(([, a]) => a) };
}
