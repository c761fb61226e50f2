import type { SharingPort } from '../core/app/host';
import type { AppService } from '../core/app/service';
import { getUser } from '../core/auth/users';
import { MoorError } from '../core/errors';
import type { SharingView } from '../shared/network-views';
import { parseListen } from './listen-address';
import { startHost, type RunningHost } from './host-server';
import { showPairingCode } from './pairing-code';

export const DEFAULT_LISTEN = '0.0.0.0:8443';

export interface NetworkSharing extends SharingPort {
  /** The service it shares: set once the service exists (it is made with this port in its host). */
  attach(service: AppService): void;
}

/**
 * The settings' switch: starts and stops the HTTPS host over the app's own core, so the window on
 * this PC and the clients on the network work on the same mirror, one request at a time.
 */
export function networkSharing(rendererDir: string): NetworkSharing {
  let service: AppService | null = null;
  let host: RunningHost | null = null;
  let listen = DEFAULT_LISTEN;

  const needService = (): AppService => {
    if (!service) throw new MoorError('SHARING_UNAVAILABLE', 'The core is not ready to share yet.');
    return service;
  };

  const view = (): SharingView => {
    const now = service?.context.clock() ?? new Date();
    return {
      available: true,
      sharing: host !== null,
      url: host?.url ?? null,
      listen,
      fingerprint: host?.fingerprint ?? null,
      pairingCode: host ? showPairingCode(host.clients.pairingCode) : null,
      sessions: (host?.sessions.list() ?? []).map((session) => {
        const peek = service?.context.sessions.peek(session.clientId, now);
        const user = peek && service ? getUser(service.context.mirror, peek.userId) : null;
        return {
          id: session.id,
          place: session.place,
          address: session.address,
          since: session.since,
          userName: user?.fullName ?? null,
          role: user?.role ?? null,
        };
      }),
      pcs: (host?.clients.list() ?? []).map(({ id, name, pairedAt }) => ({ id, name, pairedAt })),
    };
  };

  return {
    attach(shared) {
      service = shared;
    },
    status: view,
    async start(address) {
      const where = parseListen(address);
      if (host) await host.stop();
      host = null;
      host = await startHost({ service: needService(), ...where, rendererDir }).catch((error: unknown) => {
        throw new MoorError('SHARING_UNAVAILABLE', `Could not share on ${address}: ${String(error)}`, {
          field: 'listen',
        });
      });
      listen = address.trim();
      return view();
    },
    async stop() {
      await host?.stop();
      host = null;
      return view();
    },
    renewCode() {
      host?.clients.renewCode();
      return view();
    },
    endSession(sessionId) {
      host?.endSession(sessionId);
      return view();
    },
    unpair(pcId) {
      if (host) {
        for (const session of host.sessions.list())
          if (session.pairedId === pcId) host.endSession(session.id);
        host.clients.unpair(pcId);
      }
      return view();
    },
  };
}
