import type { Clock } from '../../clock';
import { emptyBatch, type SyncBatch } from '../batch';
import { IdAllocator } from '../id-allocator';
import type { PreparedSource } from '../run-sync';
import { KundolukDirectory } from './directory';
import { mapGradebook, type GradebookAnswers } from './map-gradebook';
import { mapQuarterMarks } from './map-quarter-marks';
import type { QuarterMark } from './schemas';

export interface KundolukFetch {
  from: string;
  to: string;
  /** The whole range asked for, of which this is one week. */
  requested: { from: string; to: string };
  answers: GradebookAnswers;
  quarterMarks: QuarterMark[];
}

/**
 * What Kundoluk sent for a date range, as a sync source. It speaks for the lessons of each class,
 * subject and subgroup it sent in that range (a teacher's token sees only that teacher's lessons),
 * and for marks and absences only where an answer reported them. Classes, people and subjects it
 * names that the mirror lacks are added.
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
      const mapped = mapGradebook(
        mirror,
        fetched.answers,
        fetched,
        fetched.requested,
        directory,
        ids,
        batch,
        seenAt,
      );
      scope.lessons.push(...mapped.lessons);
      scope.finals.push(...mapped.finals);
      scope.finals.push(...mapQuarterMarks(mirror, fetched.quarterMarks, directory, ids, batch, seenAt));
      return batch;
    },
  };
}
