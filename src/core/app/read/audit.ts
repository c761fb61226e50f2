import type { Mirror } from '../../db/mirror';
import type { AuditEntryView } from '../../../shared/views';

export interface AuditQuery {
  limit: number;
  beforeId: number | null;
  search: string;
}

/** The audit log newest first, a page at a time, optionally filtered by action, entity or actor. */
export function listAudit(mirror: Mirror, query: AuditQuery): AuditEntryView[] {
  let select = mirror.db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'after_json'])
    .orderBy('id', 'desc')
    .limit(query.limit);
  if (query.beforeId !== null) select = select.where('id', '<', query.beforeId);
  const search = query.search.trim();
  if (search !== '') {
    const like = `%${search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    select = select.where((eb) =>
      eb.or([
        eb('action', 'like', eb.val(like)),
        eb('entity', 'like', eb.val(like)),
        eb('actor', 'like', eb.val(like)),
      ]),
    );
  }
  return mirror.all(select).map((row) => ({
    id: row.id,
    at: row.at,
    actor: actorName(row.actor),
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    summary: row.after_json ?? '',
  }));
}

/** Stored as role:userId:name; people read the name and the role. */
function actorName(stored: string): string {
  const [role, , ...name] = stored.split(':');
  return `${name.join(':')} (${role ?? ''})`;
}
