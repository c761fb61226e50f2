import { z } from 'zod';

/**
 * What a report is asked for: a period of the academic year or a date range, optionally narrowed
 * to one class, teacher or subject. Plain JSON, so the screens send it over the app's contract.
 */
export const periodRefs = ['1', '2', '3', '4', 'h1', 'h2', 'year'] as const;
export type PeriodRef = (typeof periodRefs)[number];

export const reportParamsSchema = z.object({
  /** Academic year label as the mirror has it (e.g. "2025-2026"); the latest year when absent. */
  academicYear: z.string().min(1).optional(),
  /** Quarter 1–4, half-year h1/h2, or the whole year. */
  period: z.enum(periodRefs).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  classId: z.number().int().positive().optional(),
  teacherId: z.number().int().positive().optional(),
  subjectId: z.number().int().positive().optional(),
  /** The forecast's "today": marks the mirror had by the end of this day. */
  asOf: z.iso.date().optional(),
  /** Attendance: list students with at least this many unexcused (Н) missed lessons. */
  unexcusedThreshold: z.number().int().positive().optional(),
  /** Forecast: fewer current marks than this and the student cannot be attested. */
  minMarks: z.number().int().positive().optional(),
  /** The language of the names inside the report (subjects); the school's document language when absent. */
  language: z.enum(['ky', 'ru']).optional(),
});

export type ReportParams = z.infer<typeof reportParamsSchema>;
