import { randomUUID, X509Certificate } from 'node:crypto';
import https from 'node:https';
import { TLSSocket } from 'node:tls';
import type { CommandName, InputOf, OutputOf } from '../shared/contract';
import type { ErrorCode } from '../shared/error-codes';
import { HOST_HEADERS, HOST_PATHS, type ChangeEvent } from '../shared/host-events';
import type { Result } from '../shared/result';
import { pairingProof } from './pairing-code';

/** What a client keeps after pairing: where the host is, its certificate pinned, and its own key. */
export interface PairedHost {
  /** "https://192.168.1.10:8443" */
  readonly address: string;
  readonly certificate: string;
  readonly fingerprint: string;
  readonly key: string;
  /** This PC's name as the host records it. */
  readonly name: string;
}

const TIMEOUT_MS = 30_000;

/**
 * Pairs this PC with a host: reads the certificate the host shows, sends the code bound to it
 * (never the code itself) and pins that certificate for every later request.
 */
export async function pairWithHost(address: string, code: string, name: string): Promise<Result<PairedHost>> {
  const url = new URL(HOST_PATHS.pair, address);
  const seen: { pem: string | null } = { pem: null };
  const answer = await send(
    url,
    { name, proof: '' },
    {
      rejectUnauthorized: false,
      // The proof needs the certificate before the body goes: it is written once the handshake is done.
      onSecure(socket) {
        const raw = socket.getPeerCertificate(true).raw;
        seen.pem = `-----BEGIN CERTIFICATE-----\n${raw.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
        return { name, proof: pairingProof(code, new X509Certificate(seen.pem).fingerprint256) };
      },
    },
  );
  if (!answer.ok) return answer;
  const value = answer.value as { key: string; name: string };
  const certificate = seen.pem;
  if (certificate === null) return unreachable('The host showed no certificate.');
  return {
    ok: true,
    value: {
      address: url.origin,
      certificate,
      fingerprint: new X509Certificate(certificate).fingerprint256,
      key: value.key,
      name: value.name,
    },
  };
}

/**
 * One signed-in client of a host, as the desktop app's main process and the tests use it: the
 * contract's `invoke` over the pinned HTTPS, with the session the sign-in opened.
 */
export class HostConnection {
  private session: string | null = null;
  /** One pinned TLS connection kept open: a request does not pay a handshake each time. */
  private readonly agent: https.Agent;

  constructor(private readonly host: PairedHost) {
    const { ca, checkServerIdentity } = pinnedOptions(host);
    this.agent = new https.Agent({ ca, checkServerIdentity, keepAlive: true });
  }

  /**
   * Calls a command. `requestId` names the request: sent again after a lost answer, the host
   * answers as the first time instead of doing the step twice.
   */
  async invoke(name: string, input: unknown, requestId: string = randomUUID()): Promise<Result<unknown>> {
    const headers: Record<string, string> = {
      [HOST_HEADERS.key]: this.host.key,
      [HOST_HEADERS.request]: requestId,
    };
    if (this.session) headers.authorization = `Bearer ${this.session}`;
    const answer = await send(
      new URL(HOST_PATHS.invoke, this.host.address),
      { name, input },
      {
        pinned: this.host,
        headers,
        onHeaders: (received) => {
          const token = received[HOST_HEADERS.session];
          if (typeof token === 'string') this.session = token;
        },
      },
    );
    if (
      !answer.ok &&
      ['NOT_SIGNED_IN', 'SESSION_OTHER_CLIENT', 'USER_INACTIVE'].includes(answer.error.code)
    ) {
      this.session = null;
    }
    if (answer.ok && name === 'auth.signOut') this.session = null;
    return answer;
  }

  call<N extends CommandName>(name: N, input: InputOf<N>, requestId?: string): Promise<Result<OutputOf<N>>> {
    return this.invoke(name, input, requestId) as Promise<Result<OutputOf<N>>>;
  }

  /** The session's token, for a test that plays a thief. */
  get sessionToken(): string | null {
    return this.session;
  }

  /** Listens to the host's change events until the returned function is called or the host goes. */
  listen(onChange: (event: ChangeEvent) => void, onEnd?: () => void): () => void {
    const request = https.request(new URL(HOST_PATHS.events, this.host.address), {
      ...pinnedOptions(this.host),
      method: 'GET',
      headers: { [HOST_HEADERS.key]: this.host.key, authorization: `Bearer ${this.session ?? ''}` },
    });
    request.on('response', (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        onEnd?.();
        return;
      }
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^event: change\ndata: (.*)$/m.exec(block);
          if (data?.[1]) onChange(JSON.parse(data[1]) as ChangeEvent);
          end = buffer.indexOf('\n\n');
        }
      });
      response.on('close', () => onEnd?.());
    });
    request.on('error', () => onEnd?.());
    request.end();
    return () => {
      request.destroy();
    };
  }
}

function pinnedOptions(host: PairedHost): https.RequestOptions {
  return {
    ca: host.certificate,
    // The certificate is pinned, not looked up by name: the host may be reached by any of its addresses.
    checkServerIdentity: (_name, cert) =>
      cert.fingerprint256 === host.fingerprint ? undefined : new Error('HOST_CERTIFICATE_CHANGED'),
    agent: false,
  };
}

interface SendOptions {
  readonly pinned?: PairedHost;
  readonly agent?: https.Agent;
  readonly rejectUnauthorized?: boolean;
  readonly headers?: Record<string, string>;
  readonly onSecure?: (socket: TLSSocket) => unknown;
  readonly onHeaders?: (headers: NodeJS.Dict<string | string[]>) => void;
}

function send(url: URL, body: unknown, options: SendOptions): Promise<Result<unknown>> {
  return new Promise((resolve) => {
    const request = https.request(url, {
      ...(options.pinned ? pinnedOptions(options.pinned) : { rejectUnauthorized: false, agent: false }),
      ...(options.agent ? { agent: options.agent } : {}),
      method: 'POST',
      timeout: TIMEOUT_MS,
      headers: { 'content-type': 'application/json', ...options.headers },
    });
    request.on('response', (response) => {
      options.onHeaders?.(response.headers);
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
      });
      response.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Result<unknown>);
        } catch {
          resolve(unreachable(`The host answered ${response.statusCode ?? '?'} without a result.`));
        }
      });
      response.on('error', (error) => {
        resolve(unreachable(error.message));
      });
    });
    request.on('timeout', () => {
      request.destroy(new Error('timed out'));
    });
    request.on('error', (error) => {
      const changed = error.message.includes('HOST_CERTIFICATE_CHANGED');
      resolve(
        changed
          ? fail('HOST_CERTIFICATE_CHANGED', "The host's certificate is not the one paired.")
          : unreachable(error.message),
      );
    });
    if (options.onSecure) {
      const onSecure = options.onSecure;
      request.on('socket', (socket) => {
        socket.once('secureConnect', () => {
          if (socket instanceof TLSSocket) request.end(JSON.stringify(onSecure(socket)));
          else request.destroy(new Error('not TLS'));
        });
      });
    } else {
      request.end(JSON.stringify(body));
    }
  });
}

function unreachable(message: string): Result<never> {
  return fail('HOST_UNREACHABLE', `The host did not answer: ${message}`);
}

function fail(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}
