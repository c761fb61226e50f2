import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { appVersion } from '../app-version';
import type { Mirror } from '../db/mirror';
import { tableCounts } from '../db/table-counts';
import { MoorError } from '../errors';
import { redactValue } from '../log/redact';

/**
 * "Send diagnostics": one zip the school gives whoever helps it. It holds the log files (already
 * redacted as they were written), the versions, the settings with every secret masked, the mirror's
 * table counts and the list of crash dumps. The dumps themselves stay on the PC: a process's memory
 * can hold pupils' data. fflate builds the zip in memory (no dependencies, maintained, typed), which
 * suits a few megabytes of logs; the file appears whole or not at all.
 */
export interface DiagnosticsInput {
  readonly mirror: Mirror;
  readonly logDir: string | null;
  readonly crashDumpsDir: string | null;
  readonly versions: Readonly<Record<string, string>>;
  /** Anything else the host knows that helps (the updater's last check). */
  readonly extra?: Readonly<Record<string, unknown>>;
  readonly at: Date;
}

const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);

function settingsWithoutSecrets(mirror: Mirror): unknown {
  const rows = mirror.all(mirror.db.selectFrom('app_setting').select(['key', 'value_json', 'updated_at']));
  const settings = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value_json) as unknown]));
  return redactValue(settings);
}

function logFiles(dir: string | null): Zippable {
  if (dir === null || !fs.existsSync(dir)) return {};
  const files = fs.readdirSync(dir).filter((name) => name.endsWith('.log') || name === 'crash.json');
  return Object.fromEntries(files.map((name) => [name, fs.readFileSync(path.join(dir, name))]));
}

function crashDumps(dir: string | null): { file: string; bytes: number; at: string }[] {
  if (dir === null || !fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => ({ name, stat: fs.statSync(path.join(dir, name)) }))
    .filter(({ stat }) => stat.isFile())
    .map(({ name, stat }) => ({ file: name, bytes: stat.size, at: stat.mtime.toISOString() }));
}

export function diagnosticsEntries(input: DiagnosticsInput): Zippable {
  return {
    'versions.json': json({
      moor: appVersion(),
      ...input.versions,
      node: process.versions.node,
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      at: input.at.toISOString(),
    }),
    'settings.json': json(settingsWithoutSecrets(input.mirror)),
    'mirror-tables.json': json(tableCounts(input.mirror)),
    'crash-dumps.json': json({ folder: input.crashDumpsDir, dumps: crashDumps(input.crashDumpsDir) }),
    ...(input.extra ? { 'status.json': json(input.extra) } : {}),
    logs: logFiles(input.logDir),
  };
}

/** Writes the diagnostics zip to `file` (a full path ending in .zip, in a folder that is there). */
export function writeDiagnostics(file: string, input: DiagnosticsInput): { bytes: number; files: string[] } {
  if (!path.isAbsolute(file) || path.extname(file).toLowerCase() !== '.zip') {
    throw new MoorError('DIAGNOSTICS_PATH', `${file}: give the full path of a .zip file to write.`, {
      field: 'path',
    });
  }
  if (!fs.statSync(path.dirname(file), { throwIfNoEntry: false })?.isDirectory()) {
    throw new MoorError('EXPORT_NO_FOLDER', `There is no folder ${path.dirname(file)}.`, { field: 'path' });
  }
  const entries = diagnosticsEntries(input);
  const zipped = zipSync(entries, { level: 6, mtime: input.at });
  const partial = `${file}.part`;
  fs.writeFileSync(partial, zipped);
  fs.renameSync(partial, file);
  const files = Object.entries(entries).flatMap(([name, value]) =>
    value instanceof Uint8Array ? [name] : Object.keys(value).map((inner) => `${name}/${inner}`),
  );
  return { bytes: zipped.byteLength, files };
}
