import path from 'node:path';
import nodeLog from 'electron-log/node';
import { redactText, redactValue } from './redact';

/**
 * The one log of the app: the core, the Electron main process, the worker threads and the command
 * line all write `moor.log` in the same folder (`logs` in the user-data folder). electron-log's
 * Node entry does the file work (appends, rotates to moor.old.log past 1 MB) and never loads
 * Electron, so the core keeps its rule; every line is redacted here before it reaches the file.
 * Until `openLog` names the folder nothing is written (tests, the core used as a library).
 */
const LOG_DIR_ENV = 'MOOR_LOG_DIR';
export const LOG_FILE = 'moor.log';
const MAX_LOG_BYTES = 1024 * 1024;

const sink = nodeLog.create({ logId: 'moor' });
sink.transports.console.level = false;
sink.transports.file.level = false;
sink.transports.file.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}] {text}';
sink.transports.file.maxSize = MAX_LOG_BYTES;

let openDir: string | null = null;

/**
 * Starts writing to `dir/moor.log`. Worker threads started afterwards inherit the folder through
 * the environment and open the same file themselves.
 */
export function openLog(dir: string): string {
  const file = path.join(dir, LOG_FILE);
  sink.transports.file.resolvePathFn = () => file;
  sink.transports.file.level = 'info';
  openDir = dir;
  process.env[LOG_DIR_ENV] = dir;
  return file;
}

/** Stops writing (tests that open a log of their own). */
export function closeLog(): void {
  sink.transports.file.level = false;
  openDir = null;
  Reflect.deleteProperty(process.env, LOG_DIR_ENV);
}

/** The folder being written, if any. */
export function logDir(): string | null {
  return openDir;
}

export type LogFields = Readonly<Record<string, unknown>>;

function line(event: string, fields: LogFields | undefined): string {
  const shown = fields === undefined ? '' : ` ${JSON.stringify(redactValue(fields))}`;
  return redactText(event) + shown;
}

/** An error's stack (or message), redacted: a PIN in a row's error message stays out of the file. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = 'code' in error && typeof error.code === 'string' ? ` [${error.code}]` : '';
    return redactText(`${error.stack ?? `${error.name}: ${error.message}`}${code}`);
  }
  return redactText(String(error));
}

export const log = {
  info(event: string, fields?: LogFields): void {
    if (openDir !== null) sink.info(line(event, fields));
  },
  warn(event: string, fields?: LogFields): void {
    if (openDir !== null) sink.warn(line(event, fields));
  },
  error(event: string, error?: unknown, fields?: LogFields): void {
    if (openDir === null) return;
    sink.error(error === undefined ? line(event, fields) : `${line(event, fields)}\n${describeError(error)}`);
  },
};

const inherited = process.env[LOG_DIR_ENV];
if (inherited !== undefined && inherited !== '') openLog(inherited);
