import { z } from 'zod';

/**
 * Kundoluk's scalar values as its public clients read them. Each client parses leniently
 * (Umar151515/kundoluk-plus lib/core/extensions/map_x.dart: parseInt accepts a number or a
 * numeric string), so the service is taken to send either.
 */

/** A personal number (ПИН): an integer (`pin`, `student_pin`) or its string twin (`pin_as_string`). */
export const pinValue = z
  .union([z.string(), z.number().int()])
  .nullish()
  .transform((v) => (v == null || String(v).trim() === '' || String(v) === '0' ? null : String(v).trim()));

/** An integer mark or `old_mark` (kundoluk-plus lib/domain/models/mark.dart: `int? value`), 0 meaning none. */
export const markNumber = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((v, ctx) => {
    if (v == null || String(v).trim() === '') return null;
    const n = Number(String(v).trim());
    if (!Number.isInteger(n)) {
      ctx.addIssue({ code: 'custom', message: `expected an integer mark, got "${String(v)}"` });
      return z.NEVER;
    }
    return n;
  });

/** Text that may be missing, null or empty; empty means missing. */
export const optionalText = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v == null || String(v).trim() === '' ? null : String(v).trim()));

/** A flag sent as a boolean, 0/1 or "true" (map_x.dart parseBool). */
export const flag = z
  .union([z.boolean(), z.number(), z.string()])
  .nullish()
  .transform((v) => v === true || v === 1 || v === '1' || String(v).toLowerCase() === 'true');

/** .NET's default date-time: sent where the service has no date. */
const DOTNET_MIN = /^0001-01-01/;
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
/** Asia/Bishkek has kept UTC+6 all year since 2005. */
const BISHKEK_OFFSET_MINUTES = 6 * 60;

/**
 * A .NET date-time (`2025-09-15T00:00:00`, the sentinel `0001-01-01T00:00:00` for none) as
 * kundoluk_api's `parse_datetime` and kundoluk-plus's `DateTime.parse` read it.
 */
export const dotnetDateTime = z
  .string()
  .nullish()
  .transform((v, ctx) => {
    if (v == null || v.trim() === '' || DOTNET_MIN.test(v)) return null;
    if (!DATE_TIME.test(v.trim())) {
      ctx.addIssue({ code: 'custom', message: `expected a date-time YYYY-MM-DDTHH:mm:ss, got "${v}"` });
      return z.NEVER;
    }
    return v.trim();
  });

/** The calendar day a lesson's `lessonDay` names, as written (never shifted by a time zone). */
export function dayOf(dateTime: string): string {
  return dateTime.slice(0, 10);
}

/**
 * An instant as UTC ISO. A time without an offset is the school's wall clock, Bishkek time:
 * the service writes `created_at` that way (kundoluk-plus shows it with `toLocal()`).
 */
export function instantOf(dateTime: string): string {
  const m = DATE_TIME.exec(dateTime);
  if (m === null) return dateTime;
  const [, day, hh = '00', mm = '00', ss = '00', fraction = '0', zone] = m;
  const local = Date.parse(`${day}T${hh}:${mm}:${ss}.${fraction.padEnd(3, '0').slice(0, 3)}Z`);
  let offset = BISHKEK_OFFSET_MINUTES;
  if (zone === 'Z') offset = 0;
  else if (zone !== undefined) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
  }
  return new Date(local - offset * 60_000).toISOString();
}
