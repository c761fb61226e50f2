import type { Row } from './batch';
import { sameRow, type TableIo } from './table-io';

/** What a batch does to one table: rows to add, rows that changed (with what they were), rows gone. */
export interface TableDiff {
  readonly inserts: Row[];
  readonly updates: Row[];
  readonly removals: Row[];
  /** The stored row each update replaces. */
  readonly previous: Map<Row, Row>;
  /** Updates that change what the journal says, not only how a source names and records the row. */
  readonly changed: number;
}

/**
 * A source's own bookkeeping: its key for the row and its record as sent. A mirror filled from a
 * bundle or a workbook has none; the first Kundoluk sync fills them in, which is no change to the
 * journal and is not counted as one.
 */
const SOURCE_BOOKKEEPING: ReadonlySet<string> = new Set(['source_ref', 'raw', 'kundoluk_id']);

export function diffRows(
  io: TableIo,
  old: Map<string | number, Row>,
  incoming: readonly Row[],
  key: (r: Row) => string | number,
): TableDiff {
  const result = {
    inserts: [] as Row[],
    updates: [] as Row[],
    removals: [] as Row[],
    previous: new Map<Row, Row>(),
    changed: 0,
  };
  const content = io.columns.filter((c) => !SOURCE_BOOKKEEPING.has(c));
  const seen = new Set<string | number>();
  for (const row of incoming) {
    const k = key(row);
    seen.add(k);
    const before = old.get(k);
    if (before === undefined) result.inserts.push(row);
    else if (!sameRow(io.columns, before, row)) {
      result.updates.push(row);
      result.previous.set(row, before);
      if (!sameRow(content, before, row)) result.changed++;
    }
  }
  for (const [k, row] of old) if (!seen.has(k)) result.removals.push(row);
  return result;
}

export const byId = (r: Row): number => r.id as number;
