import type { Mirror } from '../db/mirror';
import { countAbsences } from './class-journal-absences';
import { loadJournalHeader } from './class-journal-header';
import { loadLessonFacts, loadPeriodFinals } from './class-journal-facts';
import { loadRoster } from './class-journal-roster';
import { journalSubjects } from './class-journal-subjects';
import type { ClassJournal } from './class-journal-types';

export type {
  ClassJournal,
  ClassHeading,
  JournalEntry,
  JournalLesson,
  JournalStudent,
  JournalSubject,
  Signatory,
  StudentAbsences,
} from './class-journal-types';

/**
 * Reads the journal in the order a copy prints it: who it is about and who signs (header), the
 * class list (roster), each subject's lessons, marks and finals, and the missed lessons.
 */
export function loadClassJournal(mirror: Mirror, classId: number, periodId: number): ClassJournal {
  const header = loadJournalHeader(mirror, classId, periodId);
  const students = loadRoster(mirror, classId, header.period);
  const facts = loadLessonFacts(mirror, classId, header.period);
  const finals = loadPeriodFinals(mirror, classId, periodId);
  return {
    school: header.school,
    academicYear: header.academicYear,
    period: header.period,
    class: header.class,
    classTeacher: header.classTeacher,
    deputy: header.deputy,
    director: header.director,
    students,
    subjects: journalSubjects(mirror, classId, { students, facts, finals, staff: header.staff }),
    absences: countAbsences(students, facts.attendance),
  };
}
