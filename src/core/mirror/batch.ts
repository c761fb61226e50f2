import type { ReferenceTable } from '../db/journal-tables';
import type { BundleTable } from './bundle/columns';

/** One row as the pipeline handles it: column name to SQLite value. */
export type Row = Record<string, string | number | null>;

/**
 * The lessons a batch speaks for: a class's lessons between two dates, optionally of one
 * subject and one subgroup (null: lessons without a subgroup; undefined: any).
 */
export interface LessonScope {
  classId: number;
  from: string;
  to: string;
  subjectId?: number;
  subgroupId?: number | null;
}

/**
 * The finals a batch speaks for: a class's finals of one period, optionally of one subject and
 * only of some students (a subgroup's sheet speaks for its own students).
 */
export interface FinalScope {
  classId: number;
  periodId: number;
  subjectId?: number;
  studentIds?: readonly number[];
}

/**
 * What one source brought, already mapped to mirror ids. Reference rows are upserted; journal
 * entries are authoritative inside the scope: an entry the mirror has there and the batch lacks
 * was removed at the source.
 */
export interface SyncBatch {
  /**
   * Rows, in the bundle's column order, of tables the mirror holds nothing of yet: there is nothing
   * to compare them with, so they are inserted as they are, before everything else.
   */
  bulk?: readonly { table: BundleTable; rows: readonly (readonly unknown[])[] }[];
  reference: Partial<Record<ReferenceTable, Row[]>>;
  lessons: Row[];
  marks: Row[];
  attendance: Row[];
  finals: Row[];
  /** 'everything': the batch is the whole mirror (a full bundle), so reference rows it lacks go too. */
  scope: 'everything' | { lessons: LessonScope[]; finals: FinalScope[] };
  warnings: string[];
  /**
   * Whether a mark seen for the first time is also judged on what the source reports about it
   * (an earlier value, an entry time past its deadline). Sources that carry the journal's own
   * record say yes; a bundle carries the mirror's history itself.
   */
  judgeFirstSight: boolean;
  /**
   * When set, the source speaks for marks and absences only where it positively reported them:
   * `lessonId:studentId` pairs whose marks (or absences) the right answer listed. A mark or an
   * absence elsewhere in the scope is never removed, and neither is its lesson.
   */
  reported?: { marks: ReadonlySet<string>; attendance: ReadonlySet<string> };
  /**
   * Lessons the batch moves in from a day outside its scope (a lesson the source moved to another
   * day): their rows, marks and absences are compared as if they were in scope.
   */
  movedLessonIds?: number[];
}

export function emptyBatch(scope: SyncBatch['scope']): SyncBatch {
  return {
    reference: {},
    lessons: [],
    marks: [],
    attendance: [],
    finals: [],
    scope,
    warnings: [],
    judgeFirstSight: true,
  };
}
