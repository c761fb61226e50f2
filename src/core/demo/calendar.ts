import type { PeriodKind } from '../db/schema';

export interface CalendarPeriod {
  kind: PeriodKind;
  number: number;
  startsOn: string;
  endsOn: string;
}

export interface CalendarHoliday {
  startsOn: string;
  endsOn: string;
  nameKy: string;
  nameRu: string;
}

export interface SchoolCalendar {
  label: string;
  startsOn: string;
  endsOn: string;
  periods: readonly CalendarPeriod[];
  holidays: readonly CalendarHoliday[];
}

/**
 * The 2025–26 academic year: quarters and vacations as the Ministry of Education set them,
 * with the public holidays that fall on school days. Schools may edit these dates per year.
 */
export const calendar2025: SchoolCalendar = {
  label: '2025-2026',
  startsOn: '2025-09-01',
  endsOn: '2026-05-25',
  periods: [
    { kind: 'quarter', number: 1, startsOn: '2025-09-01', endsOn: '2025-10-31' },
    { kind: 'quarter', number: 2, startsOn: '2025-11-10', endsOn: '2025-12-30' },
    { kind: 'quarter', number: 3, startsOn: '2026-01-12', endsOn: '2026-03-20' },
    { kind: 'quarter', number: 4, startsOn: '2026-04-01', endsOn: '2026-05-25' },
    { kind: 'half_year', number: 1, startsOn: '2025-09-01', endsOn: '2025-12-30' },
    { kind: 'half_year', number: 2, startsOn: '2026-01-12', endsOn: '2026-05-25' },
    { kind: 'year', number: 1, startsOn: '2025-09-01', endsOn: '2026-05-25' },
  ],
  holidays: [
    { startsOn: '2025-11-01', endsOn: '2025-11-09', nameKy: 'Күзгү каникул', nameRu: 'Осенние каникулы' },
    { startsOn: '2025-12-31', endsOn: '2026-01-11', nameKy: 'Кышкы каникул', nameRu: 'Зимние каникулы' },
    {
      startsOn: '2026-02-23',
      endsOn: '2026-02-23',
      nameKy: 'Мекенди коргоочулар күнү',
      nameRu: 'День защитника Отечества',
    },
    {
      startsOn: '2026-03-09',
      endsOn: '2026-03-09',
      nameKy: 'Эл аралык аялдар күнү',
      nameRu: 'Международный женский день',
    },
    { startsOn: '2026-03-20', endsOn: '2026-03-20', nameKy: 'Орозо айт', nameRu: 'Орозо айт' },
    { startsOn: '2026-03-21', endsOn: '2026-03-31', nameKy: 'Жазгы каникул', nameRu: 'Весенние каникулы' },
    { startsOn: '2026-05-01', endsOn: '2026-05-01', nameKy: 'Эмгек майрамы', nameRu: 'Праздник труда' },
    { startsOn: '2026-05-05', endsOn: '2026-05-05', nameKy: 'Конституция күнү', nameRu: 'День Конституции' },
  ],
};

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** ISO weekday, Monday = 1 … Sunday = 7. */
export function isoWeekday(iso: string): number {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The school days of a quarter: working days of the week, not in a holiday. */
export function schoolDays(cal: SchoolCalendar, quarter: CalendarPeriod, daysPerWeek: 5 | 6): string[] {
  const days: string[] = [];
  for (let day = quarter.startsOn; day <= quarter.endsOn; day = addDays(day, 1)) {
    if (isoWeekday(day) > daysPerWeek) continue;
    if (cal.holidays.some((hol) => day >= hol.startsOn && day <= hol.endsOn)) continue;
    days.push(day);
  }
  return days;
}

export { addDays };
