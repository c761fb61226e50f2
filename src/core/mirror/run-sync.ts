import { appendAudit } from '../audit/audit-log';
import { FINGERPRINTS_KEY, fingerprintsToRecord } from '../audit/frozen-fingerprint';
import type { Actor } from '../auth/actor';
import { describeActor } from '../auth/actor';
import { assertAllowed } from '../auth/permissions';
import type { Clock } from '../clock';
import type { Mirror } from '../db/mirror';
import type { SyncSource } from '../db/schema';
import { MoorError } from '../errors';
import { applyBatch, type ApplyCounts } from './apply-batch';
import type { SyncBatch } from './batch';
import { recordCoverage } from './coverage';
import { validateBatch } from './domain/validate-batch';
import { HistoryWriter } from './history-writer';

export interface SyncContext {
  actor: Actor;
  clock: Clock;
}

/** A source ready to be written: its data is read and validated; `build` maps it to mirror ids. */
export interface PreparedSource {
  source: SyncSource;
  /** A file name or address to show in the sync log; never a token. */
  name: string;
  /** Who brought it, as the coverage names it (a Kundoluk account, a file); the name when unset. */
  account?: string;
  build(mirror: Mirror): SyncBatch;
  /** Runs after the batch is written, inside the same transaction (e.g. a bundle's own history). */
  afterApply?(mirror: Mirror): void;
  /** Runs once the run is recorded, still inside the transaction (e.g. how far a long sync got). */
  afterRecorded?(mirror: Mirror, runId: number): void;
}

export interface SyncResult extends ApplyCounts {
  runId: number;
  source: SyncSource;
  name: string;
  startedAt: string;
  finishedAt: string;
  warnings: string[];
  changesSeen: number;
}

function frozenClassesChanged(history: HistoryWriter): Set<number> {
  const classes = new Set<number>();
  for (const record of history.records) {
    if (record.kind === 'frozen_data_changed' && record.classId !== null) classes.add(record.classId);
  }
  return classes;
}

/**
 * Runs one sync as one transaction: the source is mapped, diffed, written, its changes kept,
 * the run recorded and audited, or, on any error, nothing at all is written.
 */
export function runSync(mirror: Mirror, prepared: PreparedSource, context: SyncContext): SyncResult {
  assertAllowed(context.actor, 'mirror.sync');
  const started = context.clock();
  try {
    return mirror.transaction(() => {
      const batch = prepared.build(mirror);
      validateBatch(mirror, batch, prepared.name, prepared.source);
      const history = new HistoryWriter();
      const counts = applyBatch(mirror, batch, started, history);
      prepared.afterApply?.(mirror);
      const finished = context.clock();
      const run = {
        source: prepared.source,
        source_name: prepared.name,
        actor: describeActor(context.actor),
        started_at: started.toISOString(),
        finished_at: finished.toISOString(),
        added: counts.added,
        changed: counts.changed,
        removed: counts.removed,
        warnings_json: JSON.stringify(batch.warnings),
      };
      const runId = mirror.run(mirror.db.insertInto('sync_run').values(run)).lastInsertRowid;
      history.write(mirror, runId, started.toISOString());
      recordCoverage(mirror, batch, prepared.source, prepared.account ?? prepared.name, run.finished_at);
      prepared.afterRecorded?.(mirror, runId);
      const fingerprints = fingerprintsToRecord(mirror, frozenClassesChanged(history));
      appendAudit(
        mirror,
        {
          actor: context.actor,
          action: 'mirror.sync',
          entity: 'sync_run',
          entityId: runId,
          after: {
            ...counts,
            source: prepared.source,
            name: prepared.name,
            changesSeen: history.records.length,
            // A certified period this sync changed (the changes view shows it) is fingerprinted anew.
            ...(fingerprints.length === 0 ? {} : { [FINGERPRINTS_KEY]: fingerprints }),
          },
        },
        finished,
      );
      return {
        runId,
        source: prepared.source,
        name: prepared.name,
        startedAt: run.started_at,
        finishedAt: run.finished_at,
        ...counts,
        warnings: batch.warnings,
        changesSeen: history.records.length,
      };
    });
  } catch (error) {
    if (error instanceof MoorError) throw error;
    // A constraint the validation did not foresee: say so plainly; the transaction rolled back.
    throw new MoorError(
      'SYNC_REJECTED',
      `The mirror refused the data from ${prepared.name} (${error instanceof Error ? error.message : String(error)}). ` +
        'Nothing was changed.',
      { source: prepared.source },
    );
  }
}
