/** The words of the deputies' reports, one shape per report: every edition fills each of them. */
/** Headings many reports share, in the school's words (docs/domain.md, "Words"). */
export interface CommonReportWords {
  readonly class: string;
  readonly subject: string;
  readonly subgroup: string;
  readonly teacher: string;
  readonly classTeacher: string;
  readonly student: string;
  readonly students: string;
  readonly school: string;
  readonly weeklyHours: string;
}

/** The weekly activity report. */
export interface WeeklyActivityWords {
  readonly lessons: string;
  readonly marks: string;
  readonly corrections: string;
  readonly attendanceEntries: string;
  readonly total: string;
  readonly title: string;
  readonly byTeacher: string;
  readonly daysWithEntries: string;
  readonly teachingDaysWithoutEntries: string;
  readonly byDay: string;
  readonly date: string;
  readonly entries: string;
  readonly noteEnteredDay: string;
}

/** The mark accumulation report. */
export interface MarkAccumulationWords {
  readonly marks: string;
  readonly perStudent: string;
  readonly noMarks: string;
  readonly noMarksPct: string;
  readonly oneMark: string;
  readonly oneMarkPct: string;
  readonly title: string;
  readonly byJournal: string;
  readonly perStudentAWeek: string;
  readonly againstTheLoadPct: string;
  readonly byClass: string;
  readonly studentBySubject: string;
  readonly studentsWithGap: string;
  readonly fewMarksTitle: string;
  readonly noMarksOneMarkPct: string;
  readonly notePairs: string;
  readonly noteLoad: string;
}

/** The achievement report. */
export interface AchievementWords {
  readonly notAttested: string;
  readonly average: string;
  readonly successPct: string;
  readonly qualityPct: string;
  readonly finals: string;
  readonly mark5: string;
  readonly mark4: string;
  readonly mark3: string;
  readonly mark2: string;
  readonly subjects: string;
  readonly title: string;
  readonly byClass: string;
  readonly excellent: string;
  readonly good4And5: string;
  readonly withA3: string;
  readonly withA2: string;
  readonly missedLessons: string;
  readonly ofWhichUnexcused: string;
  readonly attendancePct: string;
  readonly bySubject: string;
  readonly byClassAndSubject: string;
  readonly excellentStudents: string;
  readonly studentsWithA2: string;
  readonly studentsNotAttested: string;
  readonly successAndQualityPct: string;
  readonly averageBySubject: string;
  readonly noteSuccessQuality: string;
}

/** The forecast of finals. */
export interface ForecastWords {
  readonly marks: string;
  readonly average: string;
  readonly forecast: string;
  readonly risk: string;
  readonly confidence: string;
  readonly pastAccuracyPct: string;
  readonly title: string;
  readonly high: string;
  readonly medium: string;
  readonly low: string;
  readonly likelyA2: string;
  readonly tooFewMarksToBeAttested: string;
  readonly studentsAtRisk: string;
  readonly forecastByClass: string;
  readonly mark5: string;
  readonly mark4: string;
  readonly mark3: string;
  readonly mark2: string;
  readonly noMarks: string;
  readonly atRisk: string;
  readonly likelySuccessPct: string;
  readonly likelyQualityPct: string;
  readonly period: string;
  readonly forecastDay: string;
  readonly finals: string;
  readonly exactPct: string;
  readonly withinOnePct: string;
  readonly previousFinalRepeatedPct: string;
  readonly highConfidencePct: string;
  readonly mediumConfidencePct: string;
  readonly lowConfidencePct: string;
  readonly atRiskCaughtPct: string;
  readonly allForecasts: string;
  readonly forecastFinals: string;
  readonly noteNoBacktest: string;
  readonly backtestTitle: (weeksBeforeEnd: number) => string;
  readonly noteMethod: (asOf: string, weeksBeforeEnd: number) => string;
  readonly noteTooFewMarks: (minMarks: number) => string;
  readonly noteBacktest: (exactPct: number | null) => string;
}

/** The attendance report. */
export interface AttendanceWords {
  readonly lessons: string;
  readonly missed: string;
  readonly illness: string;
  readonly excused: string;
  readonly unexcused: string;
  readonly late: string;
  readonly attendancePct: string;
  readonly byClass: string;
  readonly byStudent: string;
  readonly missedLessonsByReason: string;
  readonly noteLessons: string;
  readonly title: string;
  readonly overThresholdTitle: (threshold: number) => string;
}

/** The journal keeping report. */
export interface JournalKeepingWords {
  readonly journals: string;
  readonly lessonsPlanned: string;
  readonly lessonsHeld: string;
  readonly heldPct: string;
  readonly noTopic: string;
  readonly noHomework: string;
  readonly lessonEnteredLater: string;
  readonly substitutionsRecorded: string;
  readonly substitutionsNotRecorded: string;
  readonly marks: string;
  readonly marksEnteredLate: string;
  readonly latePct: string;
  readonly correctedMarks: string;
  readonly enteredAfterTheQuarterEnded: string;
  readonly byJournal: string;
  readonly byTeacher: string;
  readonly lessonsHeldAgainstTheLoadPct: string;
  readonly journalKeepingGaps: string;
  readonly notePlanned: string;
  readonly noteClassOne: string;
  readonly noteLate: string;
  readonly title: string;
}

/** The monthly journal filling report. */
export interface MonthlyFillingWords {
  readonly lessonsPlanned: string;
  readonly lessonsHeld: string;
  readonly heldPct: string;
  readonly topicEnteredPct: string;
  readonly homeworkEnteredPct: string;
  readonly marks: string;
  readonly perStudent: string;
  readonly marksLatePct: string;
  readonly absences: string;
  readonly month: string;
  readonly byMonth: string;
  readonly byMonthAndClass: string;
  readonly journalFillingPct: string;
  readonly notePerStudent: string;
  readonly title: string;
}

/** The changes the mirror saw, as a table of the reports. */
export interface MirrorChangesWords {
  readonly title: string;
  readonly marksChanged: string;
  readonly marksRemoved: string;
  readonly marksBackdated: string;
  readonly certifiedChanged: string;
}

/** A report's period, as its heading names it. */
export interface ReportPeriodWords {
  readonly quarter: (number: number) => string;
  readonly halfYear: (number: number) => string;
  readonly academicYear: (label: string) => string;
}

export interface ReportWords {
  readonly periods: ReportPeriodWords;
  readonly common: CommonReportWords;
  readonly weeklyActivity: WeeklyActivityWords;
  readonly markAccumulation: MarkAccumulationWords;
  readonly achievement: AchievementWords;
  readonly forecast: ForecastWords;
  readonly attendance: AttendanceWords;
  readonly journalKeeping: JournalKeepingWords;
  readonly monthlyFilling: MonthlyFillingWords;
  readonly mirrorChanges: MirrorChangesWords;
}
