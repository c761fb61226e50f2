import { z } from 'zod';
import { staffPositions } from './staff-views';

/** Reusable input pieces of the contract. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
export const id = z.number().int().positive();
export const languageCode = z.enum(['ky', 'ru', 'en']);
export const documentLanguage = z.enum(['ky', 'ru']);
export const roleName = z.enum(['deputy', 'secretary', 'director', 'admin']);
export const staffPosition = z.enum(staffPositions);
export const login = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[\p{L}\p{N}._-]+$/u, 'letters, digits, dot, dash or underscore');
/** Long enough to resist guessing on a shared school PC; no composition rules people work around. */
export const newPassword = z.string().min(8).max(200);
export const fullName = z.string().trim().min(2).max(120);
export const kundolukConnection = z.object({
  mode: z.enum(['api', 'file', 'later']),
  url: z.url().nullable(),
  login: z.string().trim().max(80).nullable(),
});
export const empty = z.object({}).strict();
