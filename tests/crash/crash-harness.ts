import { spawn } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Builds the child once into plain JavaScript (packages stay in node_modules), with the integrity
 * check's worker beside it, so each of the many processes starts in a fraction of what compiling
 * the TypeScript sources again would take.
 */
export async function buildCrashChild(outDir: string): Promise<string> {
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  } as const;
  await build({
    ...common,
    entryPoints: [path.join(root, 'tests/crash/crash-child.ts')],
    format: 'esm',
    outfile: path.join(outDir, 'crash-child.mjs'),
  });
  for (const worker of ['integrity-worker']) {
    await build({
      ...common,
      entryPoints: [path.join(root, `src/core/backup/${worker}.ts`)],
      format: 'cjs',
      outfile: path.join(outDir, `${worker}.js`),
    });
  }
  return path.join(outDir, 'crash-child.mjs');
}

/** A small deterministic random source, so a failing run can be repeated from its seed. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ChildRun {
  /** Whether the child was killed before it finished. */
  killed: boolean;
  /** Milliseconds from "ready" to the end. */
  workMs: number;
  stderr: string;
}

/**
 * Runs the child and, when `killAfterMs` is given, kills it with SIGKILL that long after it says it
 * is ready (if it has not finished by then). A child that fails on its own fails the harness.
 */
export function runChild(
  script: string,
  operation: string,
  params: object,
  killAfterMs?: number,
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, operation, JSON.stringify(params)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let stderr = '';
    let readyAt: number | undefined;
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (readyAt === undefined && out.includes('ready\n')) {
        readyAt = Date.now();
        if (killAfterMs !== undefined) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const workMs = Date.now() - (readyAt ?? Date.now());
      if (signal === 'SIGKILL') resolve({ killed: true, workMs, stderr });
      else if (code === 0 && out.includes('done\n')) resolve({ killed: false, workMs, stderr });
      else reject(new Error(`${operation} failed on its own (exit ${String(code)}): ${stderr}`));
    });
  });
}
