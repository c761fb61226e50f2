import type { TFunction } from 'i18next';
import type { JournalRulesView } from '../../../shared/views';
import { formatNumber } from '../../i18n';

export type HoursByMarkType = JournalRulesView['markDeadlines']['hoursByMarkType'];
export type MarkType = keyof HoursByMarkType;
export type Unit = 'hours' | 'days';

/** A deadline as the school says it: "5 days" rather than "120 hours". */
export interface Allowance {
  readonly amount: number;
  readonly unit: Unit;
}

/** The editable form of the rules: one allowance per mark type, and the check settings. */
export interface JournalRulesForm {
  readonly allowances: Readonly<Record<MarkType, Allowance>>;
  readonly checkRules: JournalRulesView['checkRules'];
}

/** Whole days beyond one read as days; a single day stays "24 hours", as the regulations say it. */
export function allowanceOf(hours: number): Allowance {
  return hours > 24 && hours % 24 === 0
    ? { amount: hours / 24, unit: 'days' }
    : { amount: hours, unit: 'hours' };
}

export function hoursOf(allowance: Allowance): number {
  return allowance.unit === 'days' ? allowance.amount * 24 : allowance.amount;
}

/** The mark types in the regulations' order: oral first, then the written works. */
export function markTypesOf(rules: JournalRulesView): MarkType[] {
  return Object.keys(rules.markDeadlines.hoursByMarkType) as MarkType[];
}

export function formOf(rules: JournalRulesView): JournalRulesForm {
  const allowances = Object.fromEntries(
    markTypesOf(rules).map((type) => [type, allowanceOf(rules.markDeadlines.hoursByMarkType[type])]),
  ) as Record<MarkType, Allowance>;
  return { allowances, checkRules: rules.checkRules };
}

export function rulesOf(form: JournalRulesForm): JournalRulesView {
  const hoursByMarkType = Object.fromEntries(
    Object.entries(form.allowances).map(([type, allowance]) => [type, hoursOf(allowance)]),
  ) as HoursByMarkType;
  return {
    markDeadlines: { hoursByMarkType },
    checkRules: {
      ...form.checkRules,
      halfYearGrades: [...form.checkRules.halfYearGrades].sort((a, b) => a - b),
    },
  };
}

export function formatHours(t: TFunction, hours: number): string {
  const { amount, unit } = allowanceOf(hours);
  return unit === 'days'
    ? t('journalRules.days', { count: amount })
    : t('journalRules.hours', { count: amount });
}

function formatGrades(t: TFunction, grades: readonly number[]): string {
  return grades.length === 0 ? t('journalRules.noGrades') : grades.join(', ');
}

/** One line per rule that differs, in the words of the card, for "saving shows what changed". */
export function describeChanges(t: TFunction, before: JournalRulesView, after: JournalRulesView): string[] {
  const lines: string[] = [];
  for (const type of markTypesOf(after)) {
    const was = before.markDeadlines.hoursByMarkType[type];
    const now = after.markDeadlines.hoursByMarkType[type];
    if (was !== now) {
      lines.push(
        t('journalRules.change', {
          what: t(`journalRules.markTypes.${type}`),
          before: formatHours(t, was),
          after: formatHours(t, now),
        }),
      );
    }
  }
  if (before.checkRules.finalMaxDistance !== after.checkRules.finalMaxDistance) {
    lines.push(
      t('journalRules.change', {
        what: t('journalRules.finalMaxDistance'),
        before: formatNumber(before.checkRules.finalMaxDistance),
        after: formatNumber(after.checkRules.finalMaxDistance),
      }),
    );
  }
  const grades = (rules: JournalRulesView) => formatGrades(t, rules.checkRules.halfYearGrades);
  if (grades(before) !== grades(after)) {
    lines.push(
      t('journalRules.change', {
        what: t('journalRules.halfYearGrades'),
        before: grades(before),
        after: grades(after),
      }),
    );
  }
  return lines;
}
