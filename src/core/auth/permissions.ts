import { MoorError } from '../errors';
import type { Actor, Role } from './actor';

/**
 * The role matrix: which role may do what. Least privilege: each permission lists only the
 * roles the regulations give that duty to. The core checks it on every command; the UI only
 * hides what the core would refuse anyway.
 */
export const permissionMatrix = {
  'mirror.read': ['deputy', 'secretary', 'director', 'admin'],
  'mirror.sync': ['deputy', 'admin'],
  'close.read': ['deputy', 'secretary', 'director'],
  'close.start': ['deputy'],
  'close.check': ['deputy'],
  'close.confirm': ['deputy'],
  'close.override': ['deputy'],
  // Whoever starts a close may take a mistaken one back, until the hand-over makes it final.
  'close.cancel': ['deputy'],
  'close.sign': ['deputy'],
  'close.certify': ['deputy'],
  'close.handover': ['deputy'],
  'close.receive': ['secretary'],
  'close.directorSign': ['director'],
  'close.stamp': ['director', 'secretary'],
  'close.formFolder': ['secretary'],
  'close.complete': ['deputy', 'secretary'],
  'documents.print': ['deputy'],
  'documents.read': ['deputy', 'secretary', 'director'],
  // The director alone signs the year-end summary sheet (R 3.8).
  'documents.signOff': ['director'],
  'backup.create': ['deputy', 'admin'],
  'backup.verify': ['deputy', 'secretary', 'admin'],
  'backup.restore': ['admin'],
  'registers.read': ['secretary', 'deputy', 'director', 'admin'],
  'registers.edit': ['secretary'],
  // The deputy hands certified copies over and the secretary receives them: either writes the log line.
  'registers.handover': ['deputy', 'secretary'],
  'reports.read': ['deputy', 'director'],
  'audit.read': ['deputy', 'director', 'admin'],
  'users.manage': ['admin'],
  'settings.manage': ['admin'],
  // Who may open the school's data to the other PCs, see who works from where, and end a session.
  'network.share': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissionMatrix;

export function may(role: Role, permission: Permission): boolean {
  return (permissionMatrix[permission] as readonly Role[]).includes(role);
}

/** Refuses, with a message naming the duty and who holds it, when the actor's role may not act. */
export function assertAllowed(actor: Actor, permission: Permission): void {
  if (!may(actor.role, permission)) {
    throw new MoorError(
      'FORBIDDEN',
      `${actor.name} (${actor.role}) may not do "${permission}"; it is for: ${permissionMatrix[permission].join(', ')}.`,
      { permission, role: actor.role },
    );
  }
}
