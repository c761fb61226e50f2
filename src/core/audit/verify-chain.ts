import type { Mirror } from '../db/mirror';
import { AUDIT_GENESIS_HASH, auditRowHash, type AuditRow } from './audit-log';
import { verifyFrozenScopes } from './verify-frozen';

export type AuditProblemKind =
  'edited' | 'moved' | 'missing' | 'broken-link' | 'truncated' | 'head' | 'frozen-data' | 'unfrozen';

export interface AuditProblem {
  kind: AuditProblemKind;
  /** The entry where the problem shows (for 'truncated': the last entry still present, or 0). */
  entryId: number;
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  lastId: number;
  problems: AuditProblem[];
}

/** How far from its place a reordered entry is looked for; beyond that it is reported as edited. */
const MOVE_SEARCH_WINDOW = 1000;

function describe(row: AuditRow): string {
  return `entry ${row.id} (${row.action} on ${row.entity}${row.entity_id === null ? '' : ` ${row.entity_id}`}, ${row.at})`;
}

/** The id an entry was written with, if it now sits under another id (rows swapped or renumbered). */
function originalId(row: AuditRow): number | undefined {
  const from = Math.max(1, row.id - MOVE_SEARCH_WINDOW);
  for (let candidate = from; candidate <= row.id + MOVE_SEARCH_WINDOW; candidate += 1) {
    if (candidate !== row.id && auditRowHash({ ...row, id: candidate }) === row.hash) return candidate;
  }
  return undefined;
}

function checkRow(row: AuditRow, previous: AuditRow | undefined, problems: AuditProblem[]): void {
  let rowReported = false;
  if (auditRowHash(row) !== row.hash) {
    rowReported = true;
    const writtenAs = originalId(row);
    problems.push(
      writtenAs === undefined
        ? {
            kind: 'edited',
            entryId: row.id,
            message: `${describe(row)} was changed after it was written: its contents no longer match its hash.`,
          }
        : {
            kind: 'moved',
            entryId: row.id,
            message: `${describe(row)} was written as entry ${writtenAs}: the log was reordered or renumbered.`,
          },
    );
  }
  const expectedId = (previous?.id ?? 0) + 1;
  if (row.id !== expectedId) {
    rowReported = true;
    const range = row.id - 1 === expectedId ? `${expectedId}` : `${expectedId}–${row.id - 1}`;
    problems.push({
      kind: 'missing',
      entryId: row.id,
      message: `Entry ${range} is missing before ${describe(row)}: it was deleted.`,
    });
  }
  const expectedPrev = previous?.hash ?? AUDIT_GENESIS_HASH;
  if (!rowReported && row.prev_hash !== expectedPrev) {
    problems.push({
      kind: 'broken-link',
      entryId: row.id,
      message:
        `${describe(row)} does not follow ${previous ? `entry ${previous.id}` : 'the start of the log'}: ` +
        'the entry before it was replaced, deleted or moved.',
    });
  }
}

function checkHead(mirror: Mirror, last: AuditRow | undefined, problems: AuditProblem[]): void {
  const head = mirror.first(mirror.db.selectFrom('audit_head').select(['last_id', 'last_hash']));
  const lastId = last?.id ?? 0;
  if (!head) {
    if (last) {
      problems.push({
        kind: 'head',
        entryId: lastId,
        message: `The log's head record is missing (the log has ${lastId} entries): it was deleted.`,
      });
    }
    return;
  }
  if (head.last_id > lastId) {
    const range = head.last_id === lastId + 1 ? `${head.last_id}` : `${lastId + 1}–${head.last_id}`;
    problems.push({
      kind: 'truncated',
      entryId: lastId,
      message: `The log ends at entry ${lastId}, but it was written up to entry ${head.last_id}: entry ${range} was deleted.`,
    });
  } else if (head.last_id < lastId) {
    problems.push({
      kind: 'head',
      entryId: head.last_id + 1,
      message: `Entries after ${head.last_id} up to ${lastId} were added outside the audit log's writer.`,
    });
  } else if (last && head.last_hash !== last.hash) {
    problems.push({
      kind: 'head',
      entryId: lastId,
      message: `${describe(last)} is not the entry the log's head record names: it was replaced.`,
    });
  }
}

/**
 * Walks the whole hash chain and names every entry that was edited, deleted, reordered or cut off
 * the end, then recomputes every frozen period's fingerprint the chain holds. Reads row by row, so
 * a long log does not have to fit in memory.
 */
export function verifyAuditChain(mirror: Mirror): AuditVerification {
  const problems: AuditProblem[] = [];
  const rows = mirror.sqlite
    .prepare<[], AuditRow>(
      'SELECT id, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash FROM audit_log ORDER BY id',
    )
    .iterate();
  let previous: AuditRow | undefined;
  let entries = 0;
  for (const row of rows) {
    checkRow(row, previous, problems);
    previous = row;
    entries += 1;
  }
  checkHead(mirror, previous, problems);
  problems.push(...verifyFrozenScopes(mirror));
  return { ok: problems.length === 0, entries, lastId: previous?.id ?? 0, problems };
}
