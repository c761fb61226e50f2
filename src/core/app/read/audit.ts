import type { Mirror } from '../../db/mirror';
import type { AuditAction, AuditActorKind, AuditEntity } from '../../../shared/audit-actions';
import type { AuditEntryView } from '../../../shared/views';
import { roles, type Role } from '../../auth/actor';

export interface AuditQuery {
  limit: number;
  beforeId: number | null;
  search: string;
  /** Actions and kinds of object the window found by their names in the reader's language. */
  actions: readonly AuditAction[];
  entities: readonly AuditEntity[];
}

/** The audit log newest first, a page at a time, optionally filtered by action, object or person. */
export function listAudit(mirror: Mirror, query: AuditQuery): AuditEntryView[] {
  let select = mirror.db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'before_json', 'after_json'])
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
        eb('entity_id', '=', search),
        eb('actor', 'like', eb.val(like)),
        ...(query.actions.length > 0 ? [eb('action', 'in', query.actions)] : []),
        ...(query.entities.length > 0 ? [eb('entity', 'in', query.entities)] : []),
      ]),
    );
  }
  return mirror.all(select).map((row) => ({
    id: row.id,
    at: row.at,
    actor: storedActor(row.actor),
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    before: row.before_json,
    after: row.after_json,
  }));
}

const COMMAND_LINE_SUFFIX = ' (command line)';

/** Stored as role:userId[@PC]:name (describeActor); the window words the role and the kind of actor in its language. */
function storedActor(stored: string): AuditEntryView['actor'] {
  // Ids may hold colons ("cli:<system user>"); names do not, so the name is the last part.
  const parts = stored.split(':');
  const storedRole = parts[0] ?? '';
  const fullName = parts.length > 2 ? (parts.at(-1) ?? '') : '';
  const [userId = '', place] = parts.slice(1, -1).join(':').split('@');
  const role: Role = roles.includes(storedRole as Role) ? (storedRole as Role) : 'admin';
  return {
    kind: actorKind(userId),
    name: fullName.endsWith(COMMAND_LINE_SUFFIX) ? fullName.slice(0, -COMMAND_LINE_SUFFIX.length) : fullName,
    role,
    place: place ?? null,
  };
}

function actorKind(userId: string): AuditActorKind {
  if (userId === 'setup') return 'setup';
  if (userId === 'system') return 'system';
  if (userId === 'cli' || userId.startsWith('cli:')) return 'commandLine';
  return 'person';
}
