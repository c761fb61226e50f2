/** Output shapes of the staff commands: who holds which post, and each class's class teacher. */

/** The posts the printed copies and the close ask for (staff.position in the mirror). */
export const staffPositions = ['teacher', 'deputy', 'director', 'secretary', 'admin'] as const;
export type StaffPositionName = (typeof staffPositions)[number];

export interface StaffMemberView {
  readonly id: number;
  readonly name: string;
  readonly position: StaffPositionName;
}

export interface ClassTeacherView {
  readonly classId: number;
  readonly className: string;
  readonly classTeacherId: number | null;
  /** The class's language of instruction: the edition its copies are printed in by default. */
  readonly language: 'ky' | 'ru';
}

export interface StaffDirectoryView {
  readonly staff: readonly StaffMemberView[];
  /** The school year whose classes are listed (the latest when none was asked for); null before any year. */
  readonly academicYearId: number | null;
  readonly classes: readonly ClassTeacherView[];
}
