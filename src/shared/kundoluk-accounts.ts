import { z } from 'zod';
import { id } from './schemas';

/**
 * An account the school syncs from besides the connection's own: a teacher's or a class
 * teacher's. Its token is kept in the secret store; the mirror keeps only its name and consent.
 */
export const kundolukAccountRecord = z.object({
  id,
  name: z.string().trim().min(1).max(120),
  /** Who recorded the owner's consent, and when. */
  consentBy: z.string(),
  consentAt: z.string(),
});
export type KundolukAccountRecord = z.output<typeof kundolukAccountRecord>;

export const addKundolukAccountInput = z.object({
  accountName: z.string().trim().min(1).max(120),
  accountToken: z.string().trim().min(1).max(4000),
  /** The owner agreed that the school syncs the journal through their account (stated on screen). */
  consent: z.literal(true),
});

export interface KundolukAccountView {
  /** Null: the connection's own account (its token set in the settings), named by the address. */
  readonly id: number | null;
  readonly name: string;
  readonly consentBy: string | null;
  readonly consentAt: string | null;
}
