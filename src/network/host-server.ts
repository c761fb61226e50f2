import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppService } from '../core/app/service';
import { appendAudit } from '../core/audit/audit-log';
import { isMoorError } from '../core/errors';
import { readBody, reply } from '../dev-server/http-transport';
import { serveStatic } from '../dev-server/static-files';
import type { ErrorCode } from '../shared/error-codes';
import { HOST_HEADERS, HOST_PATHS } from '../shared/host-events';
import type { Result } from '../shared/result';
import { hostCertificate } from './certificate';
import { ChangeFeed } from './change-feed';
import { HostSessions } from './host-sessions';
import { PairedClients } from './paired-clients';
import { addressOf, fromOwnOrigin } from './request-guard';
import { SerialQueue } from './serial-queue';

export interface HostOptions {
  readonly service: AppService;
  /** An address of this PC ("0.0.0.0" for all of them) and a port (0 picks a free one). */
  readonly hostname: string;
  readonly port: number;
  /** The built window (dist/renderer), served to browsers. */
  readonly rendererDir: string;
}

export interface RunningHost {
  readonly url: string;
  readonly port: number;
  readonly fingerprint: string;
  readonly clients: PairedClients;
  readonly sessions: HostSessions;
  /** Ends one session at once (the admin's choice); false when there was none. */
  endSession(id: string): boolean;
  /** Stops sharing at once: every connection is cut and every network session ended. */
  stop(): Promise<void>;
}

/** Commands that replace or create the whole school: only at the host's own screen. */
const ON_HOST_ONLY = new Set(['setup.complete', 'restore.run']);
const NO_SESSION_NEEDED = new Set(['app.status', 'auth.signIn']);
const SESSION_GONE: readonly string[] = ['NOT_SIGNED_IN', 'USER_INACTIVE'];

/**
 * The school's Мөөр shared on its network: the same contract as the window's, over HTTPS with the
 * host's own certificate. Only paired PCs are answered; without a session only the sign-in (and
 * the status the sign-in screen shows) is; every request runs through the core one at a time.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const { service } = options;
  const mirror = service.context.mirror;
  const certificate = await hostCertificate(mirror.path);
  const clients = new PairedClients(mirror.path, certificate.fingerprint);
  const sessions = new HostSessions();
  const feed = new ChangeFeed(mirror);
  const queue = new SerialQueue();

  const endClient = (clientId: string) => {
    sessions.endByClient(clientId);
    service.forget(clientId);
    feed.drop(clientId);
  };

  async function onInvoke(
    request: IncomingMessage,
    response: ServerResponse,
    pairedId: string,
    place: string,
  ) {
    let body: { name?: unknown; input?: unknown };
    try {
      body = (JSON.parse(await readBody(request)) ?? {}) as typeof body;
    } catch {
      refuse(response, 400, 'BAD_JSON', 'The body is not JSON.');
      return;
    }
    const name = typeof body.name === 'string' ? body.name : '';
    if (ON_HOST_ONLY.has(name)) {
      refuse(response, 403, 'HOST_ONLY', 'This is done only at the host PC itself.');
      return;
    }
    const token = request.headers.authorization?.replace(/^Bearer /, '');
    const session = sessions.find(token);
    if (session && session.pairedId !== pairedId) {
      // A session brought from another PC was copied: it is ended for both.
      endClient(session.clientId);
      refuse(response, 401, 'SESSION_OTHER_CLIENT', 'This session belongs to another PC; it was ended.');
      return;
    }
    if (session) {
      const requestId = request.headers[HOST_HEADERS.request];
      const answer = await HostSessions.once(
        session,
        typeof requestId === 'string' && /^[\w-]{8,64}$/.test(requestId) ? requestId : undefined,
        () => queue.run(() => service.invoke(session.clientId, name, body.input)),
      );
      if (name === 'auth.signOut' || (!answer.ok && SESSION_GONE.includes(answer.error.code))) {
        endClient(session.clientId);
      }
      feed.look();
      reply(response, 200, answer);
      return;
    }
    if (!NO_SESSION_NEEDED.has(name)) {
      refuse(response, 401, 'NOT_SIGNED_IN', 'Sign in first.');
      return;
    }
    const address = addressOf(request);
    const clientId = HostSessions.clientIdFor(address);
    service.context.places.set(clientId, place);
    const answer: Result<unknown> = await queue.run(() => service.invoke(clientId, name, body.input));
    if (name === 'auth.signIn' && answer.ok) {
      const newToken = sessions.open({ clientId, pairedId, place, address }, service.context.clock());
      response.setHeader(HOST_HEADERS.session, newToken);
      feed.look();
    } else {
      service.forget(clientId);
    }
    reply(response, 200, answer);
  }

  /** A new PC may now sign in: recorded as Мөөр's own act, with the PC that asked. */
  function auditPairing(pcId: string, name: string, address: string) {
    mirror.transaction(() => {
      appendAudit(
        mirror,
        {
          actor: { userId: 'system', name: 'Мөөр', role: 'admin', place: name },
          action: 'network.pair',
          entity: 'paired_pc',
          entityId: pcId,
          after: { name, address },
        },
        service.context.clock(),
      );
    });
  }

  async function onPair(request: IncomingMessage, response: ServerResponse) {
    try {
      const body = JSON.parse(await readBody(request)) as { name?: unknown; code?: unknown; proof?: unknown };
      const paired = clients.pair({
        name: typeof body.name === 'string' ? body.name : '',
        ...(typeof body.code === 'string' ? { code: body.code } : {}),
        ...(typeof body.proof === 'string' ? { proof: body.proof } : {}),
        address: addressOf(request),
        at: service.context.clock(),
      });
      auditPairing(paired.client.id, paired.client.name, addressOf(request));
      reply(response, 200, { ok: true, value: { key: paired.key, name: paired.client.name } });
    } catch (error) {
      if (!isMoorError(error)) {
        refuse(response, 400, 'BAD_JSON', 'The body is not JSON.');
        return;
      }
      reply(response, 200, {
        ok: false,
        error: {
          code: error.code,
          message: error.message,
          ...(error.details ? { details: error.details } : {}),
        },
      });
    }
  }

  function route(request: IncomingMessage, response: ServerResponse): void {
    const pathname = new URL(request.url ?? '/', 'https://host').pathname;
    if (!pathname.startsWith('/api/')) {
      // The window's own files, the same for everyone: no data of the school is among them.
      serveStatic(options.rendererDir, request, response);
      return;
    }
    if (!fromOwnOrigin(request)) {
      refuse(response, 403, 'FORBIDDEN_ORIGIN', 'Wrong origin.');
      return;
    }
    if (pathname === HOST_PATHS.pair && request.method === 'POST') {
      void onPair(request, response);
      return;
    }
    const keyHeader = request.headers[HOST_HEADERS.key];
    const client = clients.byKey(typeof keyHeader === 'string' ? keyHeader : undefined);
    if (!client) {
      refuse(response, 401, 'HOST_NOT_PAIRED', 'This PC is not paired with the host.');
      return;
    }
    if (pathname === HOST_PATHS.invoke && request.method === 'POST') {
      void onInvoke(request, response, client.id, client.name);
      return;
    }
    if (pathname === HOST_PATHS.events && request.method === 'GET') {
      const session = sessions.find(request.headers.authorization?.replace(/^Bearer /, ''));
      if (session?.pairedId !== client.id) {
        refuse(response, 401, 'NOT_SIGNED_IN', 'Sign in first.');
        return;
      }
      feed.subscribe(response, session.clientId);
      return;
    }
    refuse(response, 404, 'COMMAND_NOT_FOUND', 'No such address.');
  }

  const server = https.createServer({ key: certificate.key, cert: certificate.cert }, route);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.hostname, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost =
    options.hostname === '0.0.0.0' || options.hostname === '::' ? 'localhost' : options.hostname;
  return {
    url: `https://${shownHost}:${port}/`,
    port,
    fingerprint: certificate.fingerprint,
    clients,
    sessions,
    endSession(id) {
      const clientId = sessions.end(id);
      if (clientId === null) return false;
      endClient(clientId);
      return true;
    },
    async stop() {
      const closed = new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
      server.closeAllConnections();
      feed.stop();
      for (const clientId of sessions.clear()) service.forget(clientId);
      await closed;
    },
  };
}

function refuse(response: ServerResponse, status: number, code: ErrorCode, message: string): void {
  reply(response, status, { ok: false, error: { code, message } });
}
