import { z } from 'zod';
import { markTypes } from './mark-types';

/**
 * When a mark counts as entered late: the hours each mark type allows after the end of its
 * lesson's day in school time. The journal keeps the lesson's date but not its hour, so the end of
 * that day is the fair start: a lesson held late in the day never makes its marks late.
 */
export const markDeadlinesSchema = z.object({
  /** Hours a mark of each type may be entered after the end of its lesson's day. */
  hoursByMarkType: z.record(
    z.enum(markTypes),
    z
      .number()
      .min(0)
      .max(24 * 366),
  ),
});

export type MarkDeadlines = z.output<typeof markDeadlinesSchema>;

/**
 * The settings of the day-1 checks other than the mark deadlines, which are the school's
 * settings shared with the sync and the reports.
 */
export const checkRulesSchema = z.object({
  /** A numeric final is flagged when it differs from the rounded average of the current marks by more. */
  finalMaxDistance: z.number().min(0).max(4),
  /** Grades marked by half-year instead of by quarter (no quarter finals are expected from them). */
  halfYearGrades: z.array(z.number().int().min(1).max(11)),
});

export type CheckRules = z.infer<typeof checkRulesSchema>;
