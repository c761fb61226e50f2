import { z } from 'zod';

/**
 * Kundoluk's answers as its public clients show them (observed, not documented). Objects are
 * loose: fields the mirror does not model are kept and stored as raw JSON, so nothing is lost.
 */
const id = z.union([z.string(), z.number()]).transform(String);
const optionalId = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v == null ? null : String(v)));
const text = z
  .string()
  .nullish()
  .transform((v) => v ?? null);
const markText = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v == null || String(v).trim() === '' ? null : String(v).trim()));

export const envelopeSchema = z.looseObject({
  resultCode: z.number(),
  resultMessage: z.string().nullish(),
  actionResult: z.unknown(),
});

export const gradebookMarkSchema = z.looseObject({
  mark_id: id,
  uid: optionalId,
  idStudent: id,
  student_pin: id,
  first_name: text,
  last_name: text,
  mid_name: text,
  mark: markText,
  mark_type: text,
  old_mark: markText,
  custom_mark: markText,
  absent: z.union([z.boolean(), z.number()]).nullish(),
  absent_type: text,
  absent_reason: text,
  late_minutes: z.number().nullish(),
  note: text,
  created_at: text,
  updated_at: text,
});
export type GradebookMark = z.infer<typeof gradebookMarkSchema>;

export const gradebookLessonSchema = z.looseObject({
  uid: id,
  scheduleItemId: optionalId,
  lesson: z.number().int(),
  startTime: text,
  endTime: text,
  lessonDay: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'expected a date YYYY-MM-DD'),
  year: z.number().nullish(),
  month: z.number().nullish(),
  day: z.number().nullish(),
  gradeId: id,
  grade: z.number().int().min(1).max(11),
  letter: z.string().min(1),
  groupId: optionalId,
  subjectGroupName: text,
  teacher: z.looseObject({ pin: id, firstName: z.string(), lastName: z.string(), midName: text }),
  subject: z.looseObject({ code: id, name: z.string(), nameKg: text, nameRu: text, short: text }),
  topic: z.looseObject({ code: optionalId, name: text, lessonDay: text }).nullish(),
  task: z.looseObject({ code: optionalId, name: text, note: text, lessonDay: text }).nullish(),
  marks: z
    .array(gradebookMarkSchema)
    .nullish()
    .transform((v) => v ?? []),
});
export type GradebookLesson = z.infer<typeof gradebookLessonSchema>;

export const quarterMarkSchema = z.looseObject({
  objectId: optionalId,
  gradeId: id,
  studentId: id,
  subjectId: id,
  quarter: z.number().int().min(1).max(5),
  quarterAvg: z.union([z.number(), z.string()]).nullish(),
  quarterMark: markText,
  customMark: markText,
  quarterDate: text,
  staffId: optionalId,
  subjectNameKg: text,
  subjectNameRu: text,
});
export type QuarterMark = z.infer<typeof quarterMarkSchema>;
