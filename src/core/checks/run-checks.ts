import type { Mirror } from '../db/mirror';
import { Attribution, itemKey, type TeacherClassSubject } from './attribution';
import { CheckContext, type CheckRule } from './check-context';
import { defaultCheckRules } from '../settings/journal-rule-defaults';
import type { CheckRules } from '../../shared/journal-rules';
import type { CheckScope } from './check-scope';
import { correctedMarks } from './corrected-marks';
import { fewMarks } from './few-marks';
import { finalsFarFromAverage } from './final-far-from-average';
import { checkRuleIds, type CheckRuleId, type Finding } from './finding';
import { lateMarks } from './late-marks';
import { lessonsWithoutHomework } from './lesson-without-homework';
import { lessonsWithoutTopic } from './lesson-without-topic';
import { missingFinals } from './missing-final';
import { notSynced } from './not-synced';
import { removedMarks } from './removed-marks';
import { unrecordedSubstitutions } from './unrecorded-substitution';

const rules: Record<CheckRuleId, CheckRule> = {
  missing_final: missingFinals,
  few_marks: fewMarks,
  final_far_from_average: finalsFarFromAverage,
  late_mark: lateMarks,
  corrected_mark: correctedMarks,
  removed_mark: removedMarks,
  lesson_without_topic: lessonsWithoutTopic,
  lesson_without_homework: lessonsWithoutHomework,
  unrecorded_substitution: unrecordedSubstitutions,
  not_synced: notSynced,
};

export interface CheckItem extends TeacherClassSubject {
  findings: Finding[];
}

export interface CheckReport {
  scope: CheckScope;
  /** One per teacher × class × subject, in class, subject, teacher order. */
  items: CheckItem[];
  /** Findings no assigned teacher answers for (a class and subject with no teaching assignment). */
  unattributed: Finding[];
  totals: Record<CheckRuleId, number>;
}

/**
 * Runs every day-1 rule over a period and its classes, and hands each finding to the teacher
 * who answers for it. Each rule is a handful of set-based queries over the period's rows.
 */
export function runChecks(
  mirror: Mirror,
  scope: CheckScope,
  checkRules: CheckRules = defaultCheckRules,
): CheckReport {
  const attribution = new Attribution(mirror, scope);
  const context = new CheckContext(mirror, scope, checkRules, attribution);
  const items = new Map<string, CheckItem>(
    attribution.items.map((item) => [
      itemKey(item.teacherId, item.classId, item.subjectId),
      { ...item, findings: [] },
    ]),
  );
  const unattributed: Finding[] = [];
  const totals = Object.fromEntries(checkRuleIds.map((id) => [id, 0])) as Record<CheckRuleId, number>;
  for (const id of checkRuleIds) {
    const found = rules[id](context);
    totals[id] = found.length;
    for (const f of found) {
      const teachers = attribution.teachersFor(f);
      if (teachers.length === 0) unattributed.push(f);
      for (const teacherId of teachers)
        items.get(itemKey(teacherId, f.classId, f.subjectId))?.findings.push(f);
    }
  }
  return { scope, items: [...items.values()], unattributed, totals };
}
