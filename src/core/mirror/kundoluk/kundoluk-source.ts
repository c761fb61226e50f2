import type { Clock } from '../../clock';
import { emptyBatch, type SyncBatch } from '../batch';
import { IdAllocator } from '../id-allocator';
import type { PreparedSource } from '../run-sync';
import { KundolukDirectory } from './directory';
import { mapGradebook } from './map-gradebook';
import { mapQuarterMarks } from './map-quarter-marks';
import type { GradebookLesson, QuarterMark } from './schemas';

export interface KundolukFetch {
  from: string;
  to: string;
  lessons: GradebookLesson[];
  quarterMarks: QuarterMark[];
}

/**
 * What Kundoluk sent for a date range, as a sync source. It speaks for the lessons of each class,
 * subject and subgroup it sent in that range (a teacher's token sees only that teacher's lessons),
 * and for the quarter marks of the students it sent. Classes, people and subjects it names that
 * the mirror lacks are added.
 */
export function kundolukSource(fetched: KundolukFetch, name: string, clock: Clock): PreparedSource {
  return {
    source: 'kundoluk',
    name,
    build(mirror) {
      const scope = { lessons: [], finals: [] } as Exclude<SyncBatch['scope'], 'everything'>;
      const batch = emptyBatch(scope);
      const ids = new IdAllocator(mirror);
      const directory = new KundolukDirectory(mirror, batch, ids);
      const seenAt = clock().toISOString();
      scope.lessons.push(...mapGradebook(mirror, fetched.lessons, fetched, directory, ids, batch, seenAt));
      scope.finals.push(...mapQuarterMarks(mirror, fetched.quarterMarks, directory, ids, batch, seenAt));
      return batch;
    },
  };
}
