import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../src/dev-server/server';
import { tempDir } from '../temp-dir';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Answer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/** A raw request, so a malformed path reaches the server exactly as typed. */
function get(server: DevServer, rawPath: string, headers: Record<string, string> = {}): Promise<Answer> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port: Number(port), path: rawPath, method: 'GET', headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            headers: response.headers,
          });
        });
      },
    );
    request.on('error', reject);
    request.end();
  });
}

let server: DevServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the development server in vite mode', () => {
  it('serves no source, no /@fs file and no vite route without the token', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'dev.sqlite');
    server = await startDevServer({ dbPath, mode: 'vite' });
    const routes = [
      '/',
      '/index.html',
      '/src/main.tsx',
      '/main.tsx',
      '/@vite/client',
      '/@react-refresh',
      `/@fs${ROOT}/package.json`,
      `/@fs${dbPath}`,
      '/node_modules/.vite/deps/react.js',
      '/@id/react',
      '/anything-else',
    ];
    for (const route of routes) {
      const answer = await get(server, route);
      expect({ route, status: answer.status }).toEqual({ route, status: 401 });
      expect(answer.body).not.toContain('"name": "moor"');
    }
    // A wrong token in the launch address gets nothing either.
    expect((await get(server, '/__moor/launch?token=wrong')).status).toBe(401);
  });

  it('lets the launch address in and keeps the sources working with its cookie', async () => {
    server = await startDevServer({ dbPath: path.join(tempDir(), 'dev.sqlite'), mode: 'vite' });
    const launch = await get(server, new URL(server.openUrl).pathname + new URL(server.openUrl).search);
    expect(launch.status).toBe(303);
    expect(launch.headers.location).toBe(`/#token=${server.token}`);
    const cookie = (launch.headers['set-cookie'] ?? [])[0]?.split(';')[0] ?? '';
    expect(launch.headers['set-cookie']?.[0]).toMatch(/HttpOnly; SameSite=Strict/);
    const page = await get(server, '/', { cookie });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect((await get(server, `/@fs${ROOT}/package.json`, { cookie })).status).toBe(200);
    // The mirror is never served, not even with the token.
    const dbPath = path.join(ROOT, '.tmp', 'door-test.sqlite');
    fs.mkdirSync(path.dirname(dbPath), { recursive: true });
    fs.writeFileSync(dbPath, 'SQLite format 3');
    try {
      expect((await get(server, `/@fs${dbPath}`, { cookie })).status).toBe(403);
    } finally {
      fs.rmSync(dbPath);
    }
  });
});

describe('the development server in built mode', () => {
  it('serves the built interface without the token and answers a malformed path with 400', async () => {
    const rendererDir = tempDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html>built</html>');
    fs.writeFileSync(path.join(rendererDir, 'app.js'), 'console.log(1)');
    server = await startDevServer({
      dbPath: path.join(tempDir(), 'dev.sqlite'),
      mode: 'built',
      rendererDir,
    });
    expect((await get(server, '/app.js')).body).toBe('console.log(1)');
    expect((await get(server, '/some/screen')).body).toBe('<html>built</html>');
    for (const bad of ['/%E0%A4%A', '/%', '/a%00b']) {
      expect({ bad, status: (await get(server, bad)).status }).toEqual({ bad, status: 400 });
    }
    // The server is still up after them.
    expect((await get(server, '/')).status).toBe(200);
    // Nothing outside the built folder, however the path is spelled.
    const sibling = `${rendererDir}-secret`;
    fs.mkdirSync(sibling);
    fs.writeFileSync(path.join(sibling, 'x.txt'), 'secret');
    try {
      const escape = `/..%2F${path.basename(sibling)}%2Fx.txt`;
      expect((await get(server, escape)).body).toBe('<html>built</html>');
    } finally {
      fs.rmSync(sibling, { recursive: true });
    }
  });
});
