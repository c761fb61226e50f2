import type { IncomingMessage } from 'node:http';

/**
 * Whether a request may come from where it says. The host's own pages and the desktop app send no
 * Origin or the host's own; a page of another site open in a browser on the school's network
 * (Origin, or Sec-Fetch-Site "cross-site"/"same-site") is refused before anything is read.
 */
export function fromOwnOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `https://${request.headers.host ?? ''}`) return false;
  const site = request.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

/** The caller's address as the host counts sign-in and pairing attempts by it. */
export function addressOf(request: IncomingMessage): string {
  return (request.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '');
}
