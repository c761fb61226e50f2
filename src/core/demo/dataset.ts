import type { Selectable } from 'kysely';
import { schoolTables } from '../db/journal-tables';
import type { DB } from '../db/schema';

/**
 * The tables a whole school's data lives in, parents before children. Frozen periods and sync
 * history are left out: only using the mirror creates them, and a new school has none.
 */
export const datasetTables = schoolTables;

export type DatasetTable = (typeof datasetTables)[number];

/** Every row of a school, one array per table, with ids assigned. */
export type MirrorDataset = { [T in DatasetTable]: Selectable<DB[T]>[] };

export function emptyDataset(): MirrorDataset {
  return Object.fromEntries(datasetTables.map((t) => [t, []])) as unknown as MirrorDataset;
}

export function datasetRowCount(dataset: MirrorDataset): number {
  return datasetTables.reduce((sum, table) => sum + dataset[table].length, 0);
}
