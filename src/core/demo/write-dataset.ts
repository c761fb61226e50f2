import type { Mirror } from '../db/mirror';
import { insertRows } from '../db/write-rows';
import { type MirrorDataset } from './dataset';
import { schoolTables } from '../db/journal-tables';

/** Writes every table of a dataset in one transaction: the mirror gets all of it or none. */
export function writeDataset(mirror: Mirror, dataset: MirrorDataset): void {
  mirror.transaction(() => {
    for (const table of schoolTables) insertRows(mirror, table, dataset[table]);
  });
}
