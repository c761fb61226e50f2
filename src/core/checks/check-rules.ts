import { z } from 'zod';
import { MoorError } from '../errors';
import type { MarkType } from '../db/schema';

const markTypes = [
  'general',
  'control',
  'write',
  'test',
  'homework',
  'laboratory',
  'practice',
  'exam',
] as const satisfies readonly MarkType[];

/**
 * The settings of the day-1 checks. The defaults follow the regulations (R 2.4, I 5.2 teacher g):
 * oral answers are marked within 24 hours, written, control, test and exam works within 5 days.
 */
export const checkRulesSchema = z.object({
  /** A numeric final is flagged when it differs from the rounded average of the current marks by more. */
  finalMaxDistance: z.number().min(0).max(4),
  /** Hours a mark of each type may be entered after the end of its lesson's day. */
  markDeadlineHours: z.record(z.enum(markTypes), z.number().min(0)),
  /** The school's offset from UTC, to find where a lesson's day ends (Kyrgyzstan: +6). */
  utcOffsetHours: z.number().min(-12).max(14),
  /** Grades marked by half-year instead of by quarter (no quarter finals are expected from them). */
  halfYearGrades: z.array(z.number().int().min(1).max(11)),
});

export type CheckRules = z.infer<typeof checkRulesSchema>;

const ORAL_HOURS = 24;
const WRITTEN_HOURS = 5 * 24;

export const defaultCheckRules: CheckRules = {
  finalMaxDistance: 1,
  markDeadlineHours: {
    general: ORAL_HOURS,
    homework: ORAL_HOURS,
    laboratory: ORAL_HOURS,
    practice: ORAL_HOURS,
    control: WRITTEN_HOURS,
    write: WRITTEN_HOURS,
    test: WRITTEN_HOURS,
    exam: WRITTEN_HOURS,
  },
  utcOffsetHours: 6,
  halfYearGrades: [10, 11],
};

/** The rules with some settings changed; bad settings are refused, naming the field. */
export function checkRulesWith(changes: Partial<CheckRules>): CheckRules {
  const merged = {
    ...defaultCheckRules,
    ...changes,
    markDeadlineHours: { ...defaultCheckRules.markDeadlineHours, ...changes.markDeadlineHours },
  };
  const parsed = checkRulesSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MoorError(
      'CHECK_RULES_INVALID',
      `Check setting ${issue?.path.join('.') ?? '?'} is not valid: ${issue?.message ?? ''}`,
      { path: issue?.path },
    );
  }
  return parsed.data;
}

export { markTypes };
