import { SCHOOL_UTC_OFFSET_HOURS } from '../rules/mark-deadlines';

/** Dates as printed in Kyrgyz and Russian documents: 01.09.2025. */
export function printedDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return `${day ?? ''}.${month ?? ''}.${year ?? ''}`;
}

export function printedDayMonth(isoDate: string): string {
  return printedDate(isoDate).slice(0, 5);
}

/** An instant as the school's clock shows it (Kyrgyzstan, UTC+6): 04.11.2025, 14:20. */
export function printedDateTime(isoInstant: string): string {
  const local = new Date(Date.parse(isoInstant) + SCHOOL_UTC_OFFSET_HOURS * 3_600_000).toISOString();
  return `${printedDate(local)}, ${local.slice(11, 16)}`;
}
