import type { Selectable } from 'kysely';
import type { DB } from '../db/schema';

/** The tables a whole school's data lives in, in an order that satisfies every foreign key. */
export const datasetTables = [
  'school',
  'academic_year',
  'reporting_period',
  'holiday',
  'staff',
  'subject',
  'class',
  'student',
  'enrollment',
  'subgroup',
  'subgroup_member',
  'teaching_assignment',
  'lesson',
  'mark',
  'attendance',
  'period_final',
] as const satisfies readonly (keyof DB)[];

export type DatasetTable = (typeof datasetTables)[number];

/** Every row of a school, one array per table, with ids assigned. */
export type MirrorDataset = { [T in DatasetTable]: Selectable<DB[T]>[] };

export function emptyDataset(): MirrorDataset {
  return Object.fromEntries(datasetTables.map((t) => [t, []])) as unknown as MirrorDataset;
}

export function datasetRowCount(dataset: MirrorDataset): number {
  return datasetTables.reduce((sum, table) => sum + dataset[table].length, 0);
}
