import { z } from 'zod';
import { MoorError } from '../errors';

/**
 * The settings of the day-1 checks other than the mark deadlines, which are the school's
 * settings shared with the sync and the reports (`rules/mark-deadlines.ts`).
 */
export const checkRulesSchema = z.object({
  /** A numeric final is flagged when it differs from the rounded average of the current marks by more. */
  finalMaxDistance: z.number().min(0).max(4),
  /** Grades marked by half-year instead of by quarter (no quarter finals are expected from them). */
  halfYearGrades: z.array(z.number().int().min(1).max(11)),
});

export type CheckRules = z.infer<typeof checkRulesSchema>;

export const defaultCheckRules: CheckRules = {
  finalMaxDistance: 1,
  halfYearGrades: [10, 11],
};

/** The rules with some settings changed; bad settings are refused, naming the field. */
export function checkRulesWith(changes: Partial<CheckRules>): CheckRules {
  const parsed = checkRulesSchema.safeParse({ ...defaultCheckRules, ...changes });
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
