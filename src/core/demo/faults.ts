/**
 * How often the generated journal has each fault real journals have. The realism tests hold
 * the generated school to these rates, and the day-1 checks are expected to find them.
 */
export const faultRates = {
  /** Share of student × subject × period finals that were never entered. */
  missingFinal: 0.01,
  /** Share of student × subject × quarter pairs with no or only one current mark. */
  sparseMarks: 0.02,
  /** Share of marks entered after their deadline (oral 24 h; written work 5 days). */
  lateMark: 0.04,
  /** Share of marks corrected after the fact (the journal kept the earlier value). */
  correctedMark: 0.01,
  /** Share of lessons without a topic. */
  lessonWithoutTopic: 0.02,
  /** Share of lessons (grade 2 and up) without homework. */
  lessonWithoutHomework: 0.03,
  /** Share of lessons taught by someone other than the assigned teacher. */
  substitution: 0.02,
  /** Of those, the share where the journal does not show the substitution. */
  unrecordedSubstitutionShare: 0.3,
  /** Share of numeric finals two or more points from the rounded average of the current marks. */
  finalFarFromAverage: 0.01,
  /** Share of students who leave during the year ("Выбыл(а)"), and who join after it began. */
  studentLeaves: 0.03,
  studentJoinsLate: 0.03,
} as const;
