/**
 * The academic year a school sets up on a given day, with the quarters of the usual ministry
 * calendar (1 September to 31 May; autumn, winter and spring holidays between the quarters). From
 * July on it is the year that starts in September; before, the one under way. The form lets the
 * school correct every date: the ministry's order for the year may move them by a few days.
 */
export interface SuggestedSchoolYear {
  readonly label: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly quarters: readonly { readonly startsOn: string; readonly endsOn: string }[];
}

const FIRST_MONTH_OF_NEXT_YEAR = 6; // July, 0-based: the summer before a new year

export function suggestedSchoolYear(today: Date): SuggestedSchoolYear {
  const month = today.getMonth();
  return schoolYearStarting(
    month >= FIRST_MONTH_OF_NEXT_YEAR ? today.getFullYear() : today.getFullYear() - 1,
  );
}

/** The school year that starts in September of `firstYear`, with the usual quarters. */
export function schoolYearStarting(firstYear: number): SuggestedSchoolYear {
  const next = firstYear + 1;
  return {
    label: schoolYearLabel(firstYear),
    startsOn: `${firstYear}-09-01`,
    endsOn: `${next}-05-31`,
    quarters: [
      { startsOn: `${firstYear}-09-01`, endsOn: `${firstYear}-10-31` },
      { startsOn: `${firstYear}-11-10`, endsOn: `${firstYear}-12-27` },
      { startsOn: `${next}-01-12`, endsOn: `${next}-03-20` },
      { startsOn: `${next}-03-30`, endsOn: `${next}-05-25` },
    ],
  };
}

/** "2026-2027", as Kundoluk and the printed copies write a school year. */
export function schoolYearLabel(firstYear: number): string {
  return `${firstYear}-${firstYear + 1}`;
}

/**
 * A school year typed as "2026-2027", "2026–2027" or "2026 — 2027": its first calendar year, or
 * null when it is not two consecutive years.
 */
export function parseSchoolYearLabel(label: string): number | null {
  const match = /^\s*(\d{4})\s*[-–—]\s*(\d{4})\s*$/.exec(label);
  if (!match) return null;
  const first = Number(match[1]);
  return Number(match[2]) === first + 1 ? first : null;
}
