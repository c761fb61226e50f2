import type { Mirror } from '../db/mirror';
import { MoorError } from '../errors';
import { datasetRowCount, type DatasetTable } from './dataset';
import { schoolTables } from '../db/journal-tables';
import { DEFAULT_DEMO_SEED, generateDemoDataset } from './generate-dataset';
import type { DemoSize } from './sizes';
import { writeDataset } from './write-dataset';
import { readSchool } from '../settings/school';
import { recordWholeMirrorCoverage } from '../mirror/coverage';

export interface DemoSummary {
  size: DemoSize;
  seed: number;
  rows: number;
  counts: Record<DatasetTable, number>;
}

/** Fills an empty mirror with a generated school year. Refuses a mirror that already holds a school. */
export function createDemoSchool(mirror: Mirror, options: { size: DemoSize; seed?: number }): DemoSummary {
  if (readSchool(mirror)) {
    throw new MoorError(
      'DEMO_TARGET_NOT_EMPTY',
      `${mirror.path} already holds a school; the demo school is written only into a new, empty mirror.`,
    );
  }
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const dataset = generateDemoDataset(options.size, seed);
  writeDataset(mirror, dataset);
  // The generated school stands for one kept up to date: every subject brought through its last day.
  recordWholeMirrorCoverage(mirror.sqlite, 'earlier', '', new Date().toISOString());
  const counts = Object.fromEntries(schoolTables.map((t) => [t, dataset[t].length])) as Record<
    DatasetTable,
    number
  >;
  return { size: options.size, seed, rows: datasetRowCount(dataset), counts };
}
