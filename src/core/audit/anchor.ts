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
 * Returns what disagrees, naming the anchor (`source`), what it expected and what the log holds;
 * or null.
 */
export function checkAnchor(mirror: Mirror, anchor: AuditAnchor, source: string): string | null {
  const expected = `entry ${anchor.id} with hash ${anchor.hash.slice(0, 16)}…`;
  const row = mirror.first(mirror.db.selectFrom('audit_log').select('hash').where('id', '=', anchor.id));
  if (!row) {
    const last = mirror.first(mirror.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(1));
    const found = last ? `the log ends at entry ${last.id}` : 'the log is empty';
    return `${source} expects ${expected}, but ${found}: the log was cut or deleted.`;
  }
  if (!row.hash.startsWith(anchor.hash)) {
    return (
      `${source} expects ${expected}, but entry ${anchor.id} has hash ${row.hash.slice(0, 16)}…: ` +
      'the history up to it was rewritten.'
    );
  }
  return null;
}
