import { createHash } from 'node:crypto';
import type { AuditAction, AuditEntity } from '../../shared/audit-actions';
import type { Actor } from '../auth/actor';
import { describeActor } from '../auth/actor';
import type { Selectable } from 'kysely';
import type { Mirror } from '../db/mirror';
import type { AuditLogTable } from '../db/schema';
import { log } from '../log/log';
import { canonicalJson } from './canonical-json';

export const AUDIT_GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  actor: Actor;
  action: AuditAction;
  entity: AuditEntity;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** One row of the audit log as it is stored. */
export type AuditRow = Selectable<AuditLogTable>;

export function auditRowHash(row: Omit<AuditRow, 'hash'>): string {
  const payload = canonicalJson([
    row.id,
    row.at,
    row.actor,
    row.action,
    row.entity,
    row.entity_id,
    row.before_json,
    row.after_json,
    row.prev_hash,
  ]);
  return createHash('sha256').update(payload).digest('hex');
}

/**
 * Appends one entry to the hash-chained audit log. Call it inside the same
 * `mirror.transaction` as the change it records, so the change and its record stand or fall together.
 */
export function appendAudit(mirror: Mirror, entry: AuditEntry, at: Date): string {
  if (!mirror.sqlite.inTransaction) {
    throw new Error('appendAudit must run inside the transaction of the change it records');
  }
  const last = mirror.first(
    mirror.db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1),
  );
  const row: Omit<AuditRow, 'hash'> = {
    id: (last?.id ?? 0) + 1,
    at: at.toISOString(),
    actor: describeActor(entry.actor),
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId == null ? null : String(entry.entityId),
    before_json: entry.before === undefined ? null : canonicalJson(entry.before),
    after_json: entry.after === undefined ? null : canonicalJson(entry.after),
    prev_hash: last?.hash ?? AUDIT_GENESIS_HASH,
  };
  const hash = auditRowHash(row);
  mirror.run(mirror.db.insertInto('audit_log').values({ ...row, hash }));
  // The head names the newest entry, so rows cut off the end of the chain are noticed too.
  mirror.run(
    mirror.db
      .insertInto('audit_head')
      .values({ singleton: 1, last_id: row.id, last_hash: hash })
      .onConflict((oc) => oc.column('singleton').doUpdateSet({ last_id: row.id, last_hash: hash })),
  );
  // What happened and who did it; the entry's contents stay in the mirror.
  log.info(`audit ${row.action}`, { entity: row.entity, entityId: row.entity_id, actor: row.actor });
  return hash;
}
