import type { IncomingMessage, ServerResponse } from 'node:http';
import { sameSecret } from './same-secret';

/** The address the vite mode prints: it trades the token in its query for a cookie. */
export const LAUNCH_PATH = '/__moor/launch';
const COOKIE = 'moor_dev';

/**
 * The vite mode serves the sources and, under /@fs, any file of the working folder (the
 * development mirror with its password hashes included): none of it goes out without the token.
 * Module scripts cannot carry a header, so the launch address sets the token as a same-site,
 * script-invisible cookie that every later request brings.
 * Answers the request itself (and returns false) when it is refused or is the launch address.
 */
export function admitToSources(token: string, request: IncomingMessage, response: ServerResponse): boolean {
  if (!/^127\.0\.0\.1:\d+$/.test(request.headers.host ?? '')) {
    refuse(response, 403);
    return false;
  }
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === LAUNCH_PATH) {
    if (!sameSecret(url.searchParams.get('token'), token)) {
      refuse(response, 401);
      return false;
    }
    response.writeHead(303, {
      location: `/#token=${token}`,
      'set-cookie': `${COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`,
      'cache-control': 'no-store',
    });
    response.end();
    return false;
  }
  if (!sameSecret(cookieValue(request.headers.cookie), token)) {
    refuse(response, 401);
    return false;
  }
  return true;
}

function cookieValue(header: string | undefined): string | null {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=');
  }
  return null;
}

function refuse(response: ServerResponse, status: number): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  response.end(status === 401 ? 'Open the address the server printed.' : 'Wrong host.');
}
