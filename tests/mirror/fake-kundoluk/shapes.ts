/**
 * Kundoluk's answers in the shapes public clients read (see docs/kundoluk.md for each source).
 * Only these types are taken from the clients; what the fake assumes beyond them is marked there.
 */

/** A mark record: kundoluk-plus lib/domain/models/mark.dart, react-kundoluk src/models/MarkModel.ts. */
export interface FakeMark {
  mark_id: string;
  uid: string;
  ls_uid: string;
  idStudent: string;
  student_pin: number;
  student_pin_as_string: string;
  first_name: string;
  last_name: string;
  mid_name: string | null;
  /** An integer; 0 for an absence or a non-numeric mark given in `custom_mark`. */
  mark: number;
  mark_type: string | null;
  old_mark: number | null;
  custom_mark: string | null;
  absent: boolean;
  absent_type: string | null;
  absent_reason: string | null;
  late_minutes: number | null;
  note: string | null;
  /** Bishkek wall-clock time without an offset. */
  created_at: string;
  updated_at: string;
  [field: string]: unknown;
}

/** A student of a teacher's lesson: react-kundoluk src/models/StudentModel.ts. */
export interface FakeStudent {
  studentId: string;
  pin: number;
  pinAsString: string;
  firstName: string;
  lastName: string;
  middleName: string | null;
  marks: FakeMark[];
}

/** A lesson: kundoluk-plus lib/domain/models/lesson.dart, react-kundoluk src/models/ScheduleModel.ts. */
export interface FakeLesson {
  uid: string;
  /** .NET date-time: `2025-09-15T00:00:00`. */
  lessonDay: string;
  lesson: number;
  /** The whole roster with every record; the server cuts it to what each endpoint sends. */
  students: FakeStudent[];
  [field: string]: unknown;
}

/** A quarter mark of `student/qmarks/all`: kundoluk-plus lib/domain/models/quarter_mark.dart. */
export interface FakeQuarterMark {
  quarterDate: string;
  [field: string]: unknown;
}

export interface FakeQuarter {
  number: number;
  from: string;
  to: string;
}
