import type { Selectable } from 'kysely';
import { schoolTables } from '../db/journal-tables';
import type { DB } from '../db/schema';

/**
 * A school's data lives in the school tables (parents before children). Frozen periods and sync
 * history are left out: only using the mirror creates them, and a new school has none.
 */
export type DatasetTable = (typeof schoolTables)[number];

/** Every row of a school, one array per table, with ids assigned. */
export type MirrorDataset = { [T in DatasetTable]: Selectable<DB[T]>[] };

export function emptyDataset(): MirrorDataset {
  return Object.fromEntries(schoolTables.map((t) => [t, []])) as unknown as MirrorDataset;
}

export function datasetRowCount(dataset: MirrorDataset): number {
  return schoolTables.reduce((sum, table) => sum + dataset[table].length, 0);
}
