import type { Row } from './batch';
import { sameRow, type TableIo } from './table-io';

/** What a batch does to one table: rows to add, rows that changed (with what they were), rows gone. */
export interface TableDiff {
  readonly inserts: Row[];
  readonly updates: Row[];
  readonly removals: Row[];
  /** The stored row each update replaces. */
  readonly previous: Map<Row, Row>;
}

export function diffRows(
  io: TableIo,
  old: Map<string | number, Row>,
  incoming: readonly Row[],
  key: (r: Row) => string | number,
): TableDiff {
  const result: TableDiff = { inserts: [], updates: [], removals: [], previous: new Map() };
  const seen = new Set<string | number>();
  for (const row of incoming) {
    const k = key(row);
    seen.add(k);
    const before = old.get(k);
    if (before === undefined) result.inserts.push(row);
    else if (!sameRow(io.columns, before, row)) {
      result.updates.push(row);
      result.previous.set(row, before);
    }
  }
  for (const [k, row] of old) if (!seen.has(k)) result.removals.push(row);
  return result;
}

export const byId = (r: Row): number => r.id as number;
