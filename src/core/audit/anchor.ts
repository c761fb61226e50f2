import type { Mirror } from '../db/mirror';
import { MoorError } from '../errors';

/** A chain head kept outside the mirror: printed on paper or stored on a drive. */
export interface AuditAnchor {
  readonly id: number;
  /** The entry's hash, whole or its first 16 or more hex digits as printed. */
  readonly hash: string;
}

/** "N:HASH" as typed from a printed head. */
export function parseAnchor(text: string): AuditAnchor {
  const match = /^(\d+):([0-9a-f]{16,64})$/i.exec(text.trim());
  if (!match)
    throw new MoorError(
      'USAGE',
      `"${text}" is not a chain head: expected NUMBER:HASH (16 to 64 hex digits).`,
    );
  return { id: Number(match[1]), hash: (match[2] ?? '').toLowerCase() };
}

/**
 * The file's own head can be rewritten with the rows it names; a head kept elsewhere cannot. The
 * entry it names must still be there with the same hash, or the history since was cut or rewritten.
 * Returns what disagrees, or null.
 */
export function checkAnchor(mirror: Mirror, anchor: AuditAnchor): string | null {
  const row = mirror.first(mirror.db.selectFrom('audit_log').select('hash').where('id', '=', anchor.id));
  if (!row) return `entry ${anchor.id}, named by the head kept outside, is gone: the log was cut.`;
  if (!row.hash.startsWith(anchor.hash)) {
    return `entry ${anchor.id} differs from the head kept outside: the history before it was rewritten.`;
  }
  return null;
}
