import type { Mirror } from '../db/mirror';
import type { AuditAnchor } from './anchor';

/** Hex digits of the hash a head is printed with: 64 bits, short enough to copy from paper. */
export const PRINTED_HASH_DIGITS = 16;

/** The newest entry of the chain, as the file's head record names it; null for an empty log. */
export function chainHead(mirror: Mirror): AuditAnchor | null {
  const head = mirror.first(mirror.db.selectFrom('audit_head').select(['last_id', 'last_hash']));
  return head ? { id: head.last_id, hash: head.last_hash } : null;
}

/** "NUMBER:HASH" as printed and as `audit verify --head` takes it back. */
export function anchorText(anchor: AuditAnchor | null): string | null {
  return anchor === null ? null : `${anchor.id}:${anchor.hash.slice(0, PRINTED_HASH_DIGITS)}`;
}
