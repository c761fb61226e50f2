import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type ResourceLimits, Worker } from 'node:worker_threads';
import { redactText } from '../log/redact';
import { noteCrash } from '../log/last-run';
import { log, logDir } from '../log/log';

/**
 * Starts the worker script `name` that lies beside the calling module (`callerUrl`, its
 * import.meta.url). The bundled app ships each worker as `name.js` beside main.js. From TypeScript
 * sources (the CLI under tsx, tests under vitest) the worker is `name.ts`: Node 20 workers ignore
 * loader flags, so a small bootstrap registers tsx inside the worker before loading the script.
 * tsx's CommonJS hook compiles in the worker's own thread; its ESM hooks would start a loader thread
 * for every worker and answer each import across threads, several times slower to start.
 */
export function startWorker(
  callerUrl: string,
  name: string,
  workerData: unknown,
  resourceLimits?: ResourceLimits,
): Worker {
  const options = { workerData, ...(resourceLimits ? { resourceLimits } : {}) };
  const worker = callerUrl.endsWith('.ts')
    ? new Worker(tsBootstrap(callerUrl, name), { eval: true, ...options })
    : new Worker(new URL(`./${name}.js`, callerUrl), options);
  worker.on('error', (error) => {
    reportWorkerCrash(name, error);
  });
  return worker;
}

function tsBootstrap(callerUrl: string, name: string): string {
  const tsx = createRequire(callerUrl).resolve('tsx/cjs/api');
  const entry = fileURLToPath(new URL(`./${name}.ts`, callerUrl));
  return `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry)});`;
}

/** An error nobody caught inside a worker ends the worker: logged with its stack, told at the next start. */
function reportWorkerCrash(name: string, error: Error): void {
  log.error(`worker ${name} crashed`, error);
  const dir = logDir();
  if (dir !== null) noteCrash(dir, redactText(`worker ${name}: ${error.message}`), new Date());
}
