export interface Week {
  from: string;
  to: string;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The range cut into school weeks (Monday to Sunday), the first and last clipped to the range. */
export function weeksOf(from: string, to: string): Week[] {
  const weeks: Week[] = [];
  let start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  while (start <= end) {
    const weekday = (new Date(start).getUTCDay() + 6) % 7;
    const sunday = Math.min(start + (6 - weekday) * DAY, end);
    weeks.push({ from: iso(start), to: iso(sunday) });
    start = sunday + DAY;
  }
  return weeks;
}
