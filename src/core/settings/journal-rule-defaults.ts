import type { CheckRules, MarkDeadlines } from '../../shared/journal-rules';

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

/** The day-1 checks' settings until the school changes them. */
export const defaultCheckRules: CheckRules = {
  finalMaxDistance: 1,
  halfYearGrades: [10, 11],
};
