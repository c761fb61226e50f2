import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppService } from '../core/app/service';
import { sameSecret } from './same-secret';

const MAX_BODY_BYTES = 1_000_000;
export const INVOKE_PATH = '/api/invoke';

/**
 * The contract over HTTP for the browser mode: POST {name, input} with the launch token.
 * Only requests that carry the token, come to the loopback host and (when a browser says where
 * it comes from) from the same origin are served; anything else is refused before parsing.
 */
export async function handleInvoke(
  service: AppService,
  token: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const host = request.headers.host ?? '';
  const origin = request.headers.origin;
  if (!/^127\.0\.0\.1:\d+$/.test(host) || (origin !== undefined && origin !== `http://${host}`)) {
    reply(response, 403, {
      ok: false,
      error: { code: 'FORBIDDEN_ORIGIN', message: 'Wrong host or origin.' },
    });
    return;
  }
  if (!sameSecret(request.headers.authorization?.replace(/^Bearer /, ''), token)) {
    reply(response, 401, {
      ok: false,
      error: { code: 'BAD_TOKEN', message: 'Missing or wrong token.' },
    });
    return;
  }
  const clientId = request.headers['x-moor-client'];
  if (typeof clientId !== 'string' || !/^[\w-]{8,64}$/.test(clientId)) {
    reply(response, 400, { ok: false, error: { code: 'BAD_CLIENT', message: 'Missing client id.' } });
    return;
  }
  let body: unknown;
  try {
    body = JSON.parse(await readBody(request));
  } catch {
    reply(response, 400, { ok: false, error: { code: 'BAD_JSON', message: 'The body is not JSON.' } });
    return;
  }
  const { name, input } = (body ?? {}) as { name?: unknown; input?: unknown };
  reply(response, 200, await service.invoke(`web:${clientId}`, name, input));
}

export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}

export function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}
