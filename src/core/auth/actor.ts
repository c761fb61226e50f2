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
}

export function describeActor(actor: Actor): string {
  return `${actor.role}:${actor.userId}:${actor.name}`;
}
