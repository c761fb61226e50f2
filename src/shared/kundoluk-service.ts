import { z } from 'zod';

/** The account kinds Kundoluk's paths are made for (`{role}` in every path). */
export const kundolukRoles = ['teacher', 'student', 'parent'] as const;
export type KundolukRoleName = (typeof kundolukRoles)[number];

const servicePath = z.string().trim().min(1).max(300);

/**
 * How Мөөр asks Kundoluk: the account's role and each answer's path under the address. Settings,
 * because the service changes; the core checks each path before it is kept.
 */
export const kundolukServiceSchema = z.object({
  role: z.enum(kundolukRoles),
  paths: z.object({
    list: servicePath,
    term: servicePath,
    /** Null: the quarter-marks answer is not asked for (only a student's account has it). */
    quarterMarks: servicePath.nullable(),
    signIn: servicePath,
  }),
});

export type KundolukService = z.output<typeof kundolukServiceSchema>;
