/** What the host tells every connected window when the school's data changed (one audit entry). */
export interface ChangeEvent {
  readonly id: number;
  /** An `AuditAction`: the window re-reads what it shows. */
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | null;
}

/** The host's addresses, shared by its server, the desktop client and the browser's transport. */
export const HOST_PATHS = {
  pair: '/api/pair',
  invoke: '/api/invoke',
  events: '/api/events',
} as const;

/** The headers a network client brings: its paired key, its session, and the request's own id. */
export const HOST_HEADERS = {
  key: 'x-moor-key',
  session: 'x-moor-session',
  request: 'x-moor-request',
} as const;
