/**
 * Roles of the people who use Мөөр (docs/domain.md, "The people"): the deputy runs the close,
 * the secretary keeps the registers, the director signs off, the admin is the school's IT person.
 */
export const roles = ['deputy', 'secretary', 'director', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Who is acting: recorded with every audited change. */
export interface Actor {
  readonly userId: string;
  readonly name: string;
  readonly role: Role;
  /** The PC a person acts from when they work on the school's network ("the PC of the secretary"). */
  readonly place?: string;
}

/** Stored as role:userId:name, or role:userId@PC:name for someone working from another PC. */
export function describeActor(actor: Actor): string {
  const place = actor.place === undefined ? '' : `@${actor.place}`;
  return `${actor.role}:${actor.userId}${place}:${actor.name}`;
}
