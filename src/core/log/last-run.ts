import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { log } from './log';

/**
 * Whether the last run ended in a crash, told at the next start. A run leaves `running.json` in the
 * log folder until it quits cleanly, so a process that died leaves it behind; a crash the process
 * survived (a worker thread, the window's renderer) is written to `crash.json` when it happens.
 */
const RUNNING_FILE = 'running.json';
const CRASH_FILE = 'crash.json';

const crashSchema = z.object({ at: z.string(), what: z.string() });
const runningSchema = z.object({ startedAt: z.string(), pid: z.number() });

export interface LastRunCrash {
  /** When the crash was noted, or when the run that never quit had started. */
  readonly at: string;
  /** What crashed, as the log names it; "ended without quitting" when the process itself died. */
  readonly what: string;
}

function readJson<T>(file: string, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Starts a run in `dir` and answers how the previous one ended (null: it quit cleanly). */
export function beginRun(dir: string, at: Date): LastRunCrash | null {
  fs.mkdirSync(dir, { recursive: true });
  const crashFile = path.join(dir, CRASH_FILE);
  const runningFile = path.join(dir, RUNNING_FILE);
  const noted = readJson(crashFile, crashSchema);
  const unfinished = fs.existsSync(runningFile) ? readJson(runningFile, runningSchema) : null;
  const crash: LastRunCrash | null =
    noted ??
    (fs.existsSync(runningFile)
      ? { at: unfinished?.startedAt ?? at.toISOString(), what: 'ended without quitting' }
      : null);
  fs.rmSync(crashFile, { force: true });
  fs.writeFileSync(runningFile, JSON.stringify({ startedAt: at.toISOString(), pid: process.pid }));
  if (crash) log.warn('the last run ended in a crash', { ...crash });
  return crash;
}

/** Notes a crash of this run, to be told at the next start. The first crash of a run is kept. */
export function noteCrash(dir: string, what: string, at: Date): void {
  const file = path.join(dir, CRASH_FILE);
  if (fs.existsSync(file)) return;
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ at: at.toISOString(), what }));
  } catch (error) {
    log.error('could not note the crash', error, { what });
  }
}

/** A clean quit: the next start has nothing to tell, unless a crash was noted during this run. */
export function endRun(dir: string): void {
  fs.rmSync(path.join(dir, RUNNING_FILE), { force: true });
}
