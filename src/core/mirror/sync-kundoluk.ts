import { assertAllowed } from '../auth/permissions';
import type { Mirror } from '../db/mirror';
import { MoorError } from '../errors';
import { KundolukClient, type KundolukClientOptions } from './kundoluk/client';
import { kundolukSource } from './kundoluk/kundoluk-source';
import { runSync, type SyncContext, type SyncResult } from './run-sync';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Fetches a date range from Kundoluk (lessons, marks, absences, quarter marks), then writes it in
 * one transaction. Nothing is written until everything has arrived and been checked.
 */
export async function syncKundoluk(
  mirror: Mirror,
  options: KundolukClientOptions & { from: string; to: string },
  context: SyncContext,
): Promise<SyncResult> {
  // Checked before anything is fetched: a refused user never reaches the service.
  assertAllowed(context.actor, 'mirror.sync');
  if (!DATE.test(options.from) || !DATE.test(options.to) || options.from > options.to) {
    throw new MoorError(
      'BAD_INPUT',
      `Expected two dates YYYY-MM-DD, the first not after the second (got ${options.from} – ${options.to}).`,
      { field: 'from' },
    );
  }
  const client = new KundolukClient(options);
  const lessons = await client.gradebook(options.from, options.to);
  const quarterMarks = await client.quarterMarks(options.from, options.to);
  const name = `${new URL(options.baseUrl).host} ${options.from} – ${options.to}`;
  return runSync(
    mirror,
    kundolukSource({ from: options.from, to: options.to, lessons, quarterMarks }, name, context.clock),
    context,
  );
}
