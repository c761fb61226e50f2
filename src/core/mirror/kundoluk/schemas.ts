import { z } from 'zod';
import { dotnetDateTime, flag, markNumber, optionalText, pinValue } from './values';

/**
 * Kundoluk's answers as public clients read them (observed, not documented). Objects are loose:
 * fields the mirror does not model are kept as raw JSON, so nothing is lost. Only the shapes are
 * checked here; whether a date, a mark or a lesson number makes sense is the pipeline's concern.
 */

/**
 * The list envelope. altynbekbakirov/react-kundoluk src/models/BaseResponseListModel.ts:
 * `{resultCode, resultMessage, actionResult: T | null}`; ScheduleServices.ts reads a null
 * `actionResult` as an empty list.
 */
export const envelopeSchema = z.looseObject({
  resultCode: z.number().nullish(),
  resultMessage: z.string().nullish(),
  actionResult: z.unknown(),
});

/**
 * The sign-in envelope is another one: react-kundoluk src/services/LoginServices.ts
 * (`authTeacherUser` reads `result.data`), src/models/LoginModel.ts for its fields.
 */
export const signInSchema = z.looseObject({
  data: z.looseObject({
    token: z.string().min(1),
    refresh: z.string().nullish(),
    isClassManager: flag,
    schools: z.array(z.looseObject({})).nullish(),
  }),
});
export type SignInAnswer = z.infer<typeof signInSchema>['data'];

/**
 * A mark record: kundoluk-plus lib/domain/models/mark.dart, react-kundoluk src/models/MarkModel.ts.
 * `mark`, `old_mark`, `student_pin` are integers there; an absence is a record with `mark` 0 and
 * an `absent_type`.
 */
export const markRecordSchema = z.looseObject({
  mark_id: optionalText,
  uid: optionalText,
  ls_uid: optionalText,
  idStudent: optionalText,
  student_pin: pinValue,
  student_pin_as_string: pinValue,
  first_name: optionalText,
  last_name: optionalText,
  mid_name: optionalText,
  mark: markNumber,
  mark_type: optionalText,
  old_mark: markNumber,
  custom_mark: optionalText,
  absent: flag,
  absent_type: optionalText,
  absent_reason: optionalText,
  late_minutes: z.number().int().nullish(),
  created_at: dotnetDateTime,
  updated_at: dotnetDateTime,
});
export type MarkRecord = z.infer<typeof markRecordSchema>;

/** A student of a teacher's lesson with their own marks: react-kundoluk src/models/StudentModel.ts. */
export const lessonStudentSchema = z.looseObject({
  studentId: optionalText,
  pin: pinValue,
  pinAsString: pinValue,
  firstName: optionalText,
  lastName: optionalText,
  middleName: optionalText,
  marks: z
    .array(markRecordSchema)
    .nullish()
    .transform((v) => v ?? []),
});
export type LessonStudent = z.infer<typeof lessonStudentSchema>;

/** kundoluk-plus lib/domain/models/lesson_teacher.dart: `pin` (int), `pinAsString`, names in either case. */
export const teacherSchema = z.looseObject({
  pin: pinValue,
  pinAsString: pinValue,
  pin_as_string: pinValue,
  firstName: optionalText,
  lastName: optionalText,
  midName: optionalText,
  first_name: optionalText,
  last_name: optionalText,
  mid_name: optionalText,
});

/** react-kundoluk src/models/SubjectModel.ts, kundoluk-plus lib/domain/models/subject.dart. */
export const subjectSchema = z.looseObject({
  subjectId: optionalText,
  code: optionalText,
  name: optionalText,
  nameKg: optionalText,
  nameRu: optionalText,
  short: optionalText,
  shortKg: optionalText,
  shortRu: optionalText,
});
export type KundolukSubject = z.infer<typeof subjectSchema>;

const topicSchema = z.looseObject({ name: optionalText });
const taskSchema = z.looseObject({ name: optionalText, note: optionalText });

/**
 * A lesson of `{role}/gradebook/list` or `{role}/gradebook/term/{n}`: kundoluk-plus
 * lib/domain/models/lesson.dart, react-kundoluk src/models/ScheduleModel.ts, and kundoluk_api's
 * Lesson model (its docstring: `group` 0 when the class is not split, `isKrujok` a club,
 * `isContentSubject` false for a class hour). `letter`, `teacher`, `subject` may be missing.
 */
export const lessonSchema = z.looseObject({
  uid: z.union([z.string().min(1), z.number()]).transform(String),
  scheduleItemId: optionalText,
  lesson: z.number().int(),
  lessonDay: dotnetDateTime,
  year: z.number().int().nullish(),
  month: z.number().int().nullish(),
  day: z.number().int().nullish(),
  gradeId: z.union([z.string().min(1), z.number()]).transform(String),
  grade: z.number().int(),
  letter: optionalText,
  group: z.number().int().nullish(),
  groupId: optionalText,
  subjectGroupName: optionalText,
  isKrujok: flag,
  isContentSubject: z.union([z.boolean(), z.number()]).nullish(),
  subjectId: optionalText,
  teacher: teacherSchema.nullish(),
  subject: subjectSchema.nullish(),
  topic: topicSchema.nullish(),
  task: taskSchema.nullish(),
  students: z.array(lessonStudentSchema).nullish(),
  marks: z.array(markRecordSchema).nullish(),
});
export type KundolukLesson = z.infer<typeof lessonSchema>;

/** kundoluk-plus lib/domain/models/quarter_mark.dart: `quarterMark` is an integer, `customMark` text. */
export const quarterMarkSchema = z.looseObject({
  objectId: optionalText,
  gradeId: optionalText,
  studentId: z.union([z.string().min(1), z.number()]).transform(String),
  subjectId: optionalText,
  quarter: z.number().int().min(1).max(5),
  quarterMark: markNumber,
  customMark: optionalText,
  quarterDate: dotnetDateTime,
  subjectNameKg: optionalText,
  subjectNameRu: optionalText,
});
export type QuarterMark = z.infer<typeof quarterMarkSchema>;

/**
 * `student/qmarks/all` answers `[{teacher, quarterMarks: […]}]`: kundoluk_api's
 * QuarterMarksResult, kundoluk-plus `getAllQuarterMarks` (flattens `quarterMarks`).
 */
export const quarterMarksResultSchema = z.looseObject({
  teacher: z.unknown(),
  quarterMarks: z
    .array(quarterMarkSchema)
    .nullish()
    .transform((v) => v ?? []),
});
