import { checkRulesSchema, type CheckRules } from '../../shared/journal-rules';
import { MoorError } from '../errors';
import { defaultCheckRules } from '../settings/journal-rule-defaults';

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
