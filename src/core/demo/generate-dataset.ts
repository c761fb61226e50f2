import { emptyDataset, type MirrorDataset } from './dataset';
import { generateClassFinals } from './finals-generator';
import { generateClassJournal, type MarkTally } from './journal-generator';
import { SeededRandom } from './random';
import { planSchool } from './school-plan';
import { sizeProfiles, type DemoSize } from './sizes';

export const DEFAULT_DEMO_SEED = 2025;

/**
 * Builds a whole demo school year in memory, deterministically: the same size and seed
 * give the same rows, ids and timestamps on every run and machine.
 */
export function generateDemoDataset(size: DemoSize, seed: number = DEFAULT_DEMO_SEED): MirrorDataset {
  const random = new SeededRandom(seed);
  const data = emptyDataset();
  const plan = planSchool(random, sizeProfiles[size], data);
  for (const schoolClass of plan.classes) {
    const tally: MarkTally = new Map();
    generateClassJournal(random, plan, schoolClass, data, tally);
    generateClassFinals(random, plan, schoolClass, data, tally);
  }
  return data;
}
