import type { Clock } from '../../clock';
import { emptyBatch, type SyncBatch } from '../batch';
import { IdAllocator } from '../id-allocator';
import type { PreparedSource } from '../run-sync';
import { enrolledStudents, findClassQuarter } from './class-context';
import { mapSheet } from './map-sheet';
import type { JournalSheet } from './read';
import { resolveSheetSubject } from './sheet-subject';
import { MoorError } from '../../errors';

export interface WorkbookTarget {
  grade: number;
  letter: string;
  quarter: number;
  /**
   * An unreadable cell or day column becomes a warning that keeps the mirror's entries there,
   * instead of refusing the whole workbook.
   */
  skipUnreadable: boolean;
}

/**
 * A saved class journal as a sync source. It speaks for the lessons, marks and absences of each
 * sheet's subject (and subgroup) from the quarter's first day to the sheet's last day, and for the
 * quarter marks of the students on the sheet. It changes no class lists: those come from a bundle
 * or from Kundoluk.
 */
export function workbookSource(
  sheets: readonly JournalSheet[],
  fileName: string,
  target: WorkbookTarget,
  clock: Clock,
): PreparedSource {
  return {
    source: 'workbook',
    name: fileName,
    build(mirror) {
      const classQuarter = findClassQuarter(mirror, target, sheets, fileName);
      const scope = { lessons: [], finals: [] };
      const batch: SyncBatch = { ...emptyBatch(scope), judgeFirstSight: false };
      const students = enrolledStudents(mirror, classQuarter.classId);
      const ids = new IdAllocator(mirror);
      const seenAt = clock().toISOString();
      const covered = new Map<string, string>();
      for (const sheet of sheets) {
        const where = `${fileName}, sheet "${sheet.name}"`;
        const subject = resolveSheetSubject(mirror, sheet, classQuarter, where);
        const key = `${subject.subjectId}:${subject.subgroupId ?? '-'}`;
        const twin = covered.get(key);
        if (twin !== undefined) {
          throw new MoorError(
            'WORKBOOK_LAYOUT',
            `${where}: the same subject as sheet "${twin}"; expected one sheet per subject.`,
            {
              file: fileName,
              sheet: sheet.name,
            },
          );
        }
        covered.set(key, sheet.name);
        // A column left unread would remove the marks of its day from the mirror: it is named instead.
        const unread = sheet.ignoredColumns[0];
        if (unread !== undefined && !target.skipUnreadable) {
          throw new MoorError(
            'WORKBOOK_LAYOUT',
            `${where}: the day header ${unread.address} "${unread.header}" is not a day of the month 1–31; correct it. Nothing was changed.`,
            { file: fileName, sheet: sheet.name, cell: unread.address },
          );
        }
        mapSheet(
          {
            mirror,
            sheet,
            subject,
            classQuarter,
            students,
            ids,
            seenAt,
            fileName,
            skipUnreadable: target.skipUnreadable,
          },
          batch,
          scope,
        );
      }
      return batch;
    },
  };
}
