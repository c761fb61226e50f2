import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // PDF.js's worker keeps its module extension; served as script or the browser refuses to start it.
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

/**
 * Serves the built renderer with the app's CSP; unknown paths get index.html (one-page app).
 * The built interface is the only thing served without the token: nothing outside its folder.
 */
export function serveStatic(root: string, request: IncomingMessage, response: ServerResponse): void {
  const relative = relativePath(request.url ?? '/');
  if (relative === null) {
    response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('Malformed address.');
    return;
  }
  let file = path.join(root, relative);
  if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    file = path.join(root, 'index.html');
  }
  response.writeHead(200, {
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  fs.createReadStream(file).pipe(response);
}

/** The path inside the served folder, or null when the address cannot be decoded. */
function relativePath(address: string): string | null {
  try {
    const decoded = decodeURIComponent(new URL(address, 'http://127.0.0.1').pathname);
    if (decoded.includes('\0')) return null;
    return path.normalize(decoded).replace(/^([/\\])+/, '');
  } catch {
    return null;
  }
}
