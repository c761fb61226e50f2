import { z } from 'zod';
import { markTypes } from '../mirror/bundle/columns';

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

const ORAL_HOURS = 24;
const WRITTEN_HOURS = 5 * 24;

/** The regulations (R 2.4, I 5.2 teacher g): oral answers within 24 hours; written, control, test and exam works within 5 days. */
export const defaultMarkDeadlines: MarkDeadlines = {
  hoursByMarkType: {
    general: ORAL_HOURS,
    homework: ORAL_HOURS,
    laboratory: ORAL_HOURS,
    practice: ORAL_HOURS,
    control: WRITTEN_HOURS,
    write: WRITTEN_HOURS,
    test: WRITTEN_HOURS,
    exam: WRITTEN_HOURS,
  },
};
