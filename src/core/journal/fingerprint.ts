import { createHash } from 'node:crypto';
import type { Mirror } from '../db/mirror';
import { loadClassJournal, type ClassJournal } from './class-journal';

/**
 * The hash of everything a class copy prints for a class and period: the JSON of the class
 * journal, whose keys and lists the read model always builds in the same order. A printed copy
 * records it; when it differs later, the data changed after printing.
 */
export function journalFingerprint(journal: ClassJournal): string {
  return createHash('sha256').update(JSON.stringify(journal)).digest('hex');
}

export function classDataFingerprint(mirror: Mirror, classId: number, periodId: number): string {
  return journalFingerprint(loadClassJournal(mirror, classId, periodId));
}
