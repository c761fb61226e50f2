import type Database from 'better-sqlite3';
import type { Mirror } from '../db/mirror';
import type { CoverageSource } from '../db/schema';
import type { SyncBatch } from './batch';

const UPSERT = `INSERT INTO sync_coverage (class_id, subject_id, source, account, synced_through, synced_at)
  VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (class_id, subject_id, source, account) DO UPDATE SET
    synced_through = max(synced_through, excluded.synced_through), synced_at = excluded.synced_at`;

/**
 * Records that a source (a Kundoluk account, a class journal workbook) brought these classes'
 * subjects through the last day it spoke for. A scope naming no subject covers the subjects of
 * the class the batch brought lessons of.
 */
export function recordCoverage(
  mirror: Mirror,
  batch: SyncBatch,
  source: CoverageSource,
  account: string,
  at: string,
): void {
  if (batch.scope === 'everything' || batch.bulk !== undefined) {
    recordWholeMirrorCoverage(mirror.sqlite, source, account, at);
    return;
  }
  const upsert = mirror.sqlite.prepare(UPSERT);
  for (const scope of batch.scope.lessons) {
    const subjects =
      scope.subjectId === undefined
        ? new Set(batch.lessons.filter((l) => l.class_id === scope.classId).map((l) => Number(l.subject_id)))
        : [scope.subjectId];
    for (const subjectId of subjects) upsert.run(scope.classId, subjectId, source, account, scope.to, at);
  }
}

/**
 * A source that is the whole mirror (a full bundle, the generated demo school) brought every
 * class's subjects through the mirror's last lesson day.
 */
export function recordWholeMirrorCoverage(
  sqlite: Database.Database,
  source: CoverageSource,
  account: string,
  at: string,
): void {
  sqlite
    .prepare(
      `INSERT INTO sync_coverage (class_id, subject_id, source, account, synced_through, synced_at)
       SELECT class_id, subject_id, @source, @account, (SELECT max(date) FROM lesson), @at
       FROM (SELECT class_id, subject_id FROM teaching_assignment UNION SELECT class_id, subject_id FROM lesson)
       WHERE (SELECT max(date) FROM lesson) IS NOT NULL
       ON CONFLICT (class_id, subject_id, source, account) DO UPDATE SET
         synced_through = max(synced_through, excluded.synced_through), synced_at = excluded.synced_at`,
    )
    .run({ source, account, at });
}

/**
 * A Kundoluk account answered for a whole week: the class subjects it brought before and sent no
 * lesson of this week had none, so they are synced through it too.
 */
export function accountAnsweredThrough(mirror: Mirror, account: string, day: string, at: string): void {
  mirror.sqlite
    .prepare(
      `UPDATE sync_coverage SET synced_through = ?, synced_at = ?
       WHERE source = 'kundoluk' AND account = ? AND synced_through < ?`,
    )
    .run(day, at, account, day);
}
