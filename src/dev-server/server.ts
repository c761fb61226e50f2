import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { plainHost } from '../core/app/host';
import { createAppService, type AppService } from '../core/app/service';
import { networkSharing } from '../network/network-sharing';
import type { Clock } from '../core/clock';
import { openMirror, type Mirror } from '../core/db/mirror';
import { handleInvoke, INVOKE_PATH } from './http-transport';
import { admitToSources, LAUNCH_PATH } from './source-door';
import { serveStatic } from './static-files';

export interface DevServerOptions {
  readonly dbPath: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** 'built' serves dist/renderer with the shipped CSP; 'vite' serves the sources with hot reload. */
  readonly mode: 'built' | 'vite';
  readonly rendererDir?: string;
  readonly clock?: Clock;
}

export interface DevServer {
  readonly url: string;
  /**
   * The address to open. Built: the token travels in the fragment, which is never sent to a
   * server. Vite: a launch address that trades the token for a cookie, since the sources are
   * served only to the token's holder.
   */
  readonly openUrl: string;
  readonly token: string;
  readonly service: AppService;
  close(): Promise<void>;
}

/** The real core and the real renderer on 127.0.0.1, guarded by a random token. */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const mirror: Mirror = openMirror(options.dbPath, { create: true });
  const rendererDir = path.resolve(options.rendererDir ?? 'dist/renderer');
  // The browser mode shares on the network as the app does: the settings' switch works here too.
  const sharing = networkSharing(rendererDir);
  const service = createAppService({
    mirror,
    host: { ...plainHost(), sharing },
    ...(options.clock ? { clock: options.clock } : {}),
  });
  sharing.attach(service);
  const token = randomBytes(24).toString('base64url');
  const vite = options.mode === 'vite' ? await startVite() : null;

  const server = http.createServer((request, response) => {
    if (request.url?.startsWith(INVOKE_PATH) && request.method === 'POST') {
      void handleInvoke(service, token, request, response);
    } else if (vite) {
      if (admitToSources(token, request, response)) vite.middlewares(request, response);
    } else {
      serveStatic(rendererDir, request, response);
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    openUrl: vite ? `${url}${LAUNCH_PATH.slice(1)}?token=${token}` : `${url}#token=${token}`,
    token,
    service,
    async close() {
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
      server.closeAllConnections();
      await vite?.close();
      await sharing.stop();
      await service.context.jobs.stopAll();
      // The service's connection: after a restore it is a new one on the restored file.
      service.context.mirror.close();
    },
  };
}

async function startVite() {
  const { createServer } = await import('vite');
  return createServer({
    // The mirror never leaves through /@fs, even to the token's holder.
    server: {
      middlewareMode: true,
      fs: { deny: ['.env', '.env.*', '*.{crt,pem}', '**/.git/**', '**/*.sqlite*'] },
    },
    appType: 'spa',
  });
}
