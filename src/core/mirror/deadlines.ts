import type { MarkType } from '../db/schema';

/** Written work may be marked within 5 days; oral answers within 24 hours (R 2.4, I 5.2 teacher g). */
const writtenTypes: ReadonlySet<string> = new Set<MarkType>(['control', 'write', 'test', 'exam']);

/** Kyrgyzstan keeps UTC+6 all year; deadlines are counted in school days' local dates. */
const SCHOOL_UTC_OFFSET_MS = 6 * 3600_000;

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The school's local date of an instant. */
export function localDate(instant: string | Date): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) return typeof instant === 'string' ? instant.slice(0, 10) : '';
  return new Date(ms + SCHOOL_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last local date on which a mark of this type for a lesson on `lessonDate` is on time. */
export function markDeadline(lessonDate: string, markType: string): string {
  return addDays(lessonDate, writtenTypes.has(markType) ? 5 : 1);
}

export function isPastDeadline(lessonDate: string, markType: string, at: string | Date): boolean {
  return localDate(at) > markDeadline(lessonDate, markType);
}
