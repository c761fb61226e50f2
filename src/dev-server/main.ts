import fs from 'node:fs';
import path from 'node:path';
import { parseFlags } from '../cli/args';
import { isMoorError } from '../core/errors';
import { startDevServer } from './server';

/**
 * `npm run dev:web`: the app in a browser for development, on 127.0.0.1 with a random token.
 * --db FILE (default .tmp/dev.sqlite), --port N, --built (serve dist/renderer instead of vite).
 */
async function main(): Promise<void> {
  const { values } = parseFlags(process.argv.slice(2), {
    db: { type: 'string' },
    port: { type: 'string' },
    built: { type: 'boolean' },
  });
  const dbPath = path.resolve(values.db ?? '.tmp/dev.sqlite');
  fs.mkdirSync(path.dirname(dbPath), { recursive: true });
  const server = await startDevServer({
    dbPath,
    port: values.port ? Number(values.port) : 0,
    mode: values.built ? 'built' : 'vite',
  });
  process.stdout.write(`Мөөр (browser mode) is at\n  ${server.openUrl}\nPress Ctrl+C to stop.\n`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${isMoorError(error) ? error.message : String(error)}\n`);
  process.exit(1);
});
