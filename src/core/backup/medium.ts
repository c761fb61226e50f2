import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The drive a backup went to, as the register records it: its label and, where the OS tells it, its serial. */
export interface Medium {
  label: string | null;
  serial: string | null;
}

interface Mount {
  mountPoint: string;
  source: string;
}

/** Mount points from /proc/self/mountinfo ("… mountpoint … - fstype source options"); octal escapes decoded. */
export function parseMountInfo(text: string): Mount[] {
  const unescape = (value: string) =>
    value.replace(/\\([0-7]{3})/g, (_m, octal: string) => String.fromCharCode(parseInt(octal, 8)));
  const mounts: Mount[] = [];
  for (const line of text.split('\n')) {
    const [before, after] = line.split(' - ');
    const fields = before?.split(' ');
    const mountPoint = fields?.[4];
    const source = after?.split(' ')[1];
    if (mountPoint && source) mounts.push({ mountPoint: unescape(mountPoint), source: unescape(source) });
  }
  return mounts;
}

/** The mount that holds `target`: the longest mount point that is a prefix of it. */
export function mountOf(mounts: Mount[], target: string): Mount | undefined {
  const within = (mountPoint: string) =>
    target === mountPoint || target.startsWith(mountPoint.endsWith('/') ? mountPoint : `${mountPoint}/`);
  return mounts
    .filter((m) => within(m.mountPoint))
    .sort((a, b) => b.mountPoint.length - a.mountPoint.length)[0];
}

/** The name under `/dev/disk/by-*` that points at `device`, if udev made one. */
function udevName(kind: 'by-label' | 'by-uuid', device: string): string | null {
  const folder = `/dev/disk/${kind}`;
  try {
    for (const name of fs.readdirSync(folder)) {
      if (fs.realpathSync(path.join(folder, name)) === device) {
        return name.replace(/\\x([0-9a-f]{2})/gi, (_m, hex: string) =>
          String.fromCharCode(parseInt(hex, 16)),
        );
      }
    }
  } catch {
    // No udev (containers, some distributions): the register then has no label from the OS.
  }
  return null;
}

function linuxMedium(targetDir: string): Medium {
  try {
    const mount = mountOf(
      parseMountInfo(fs.readFileSync('/proc/self/mountinfo', 'utf8')),
      fs.realpathSync(targetDir),
    );
    if (!mount?.source.startsWith('/dev/')) return { label: null, serial: null };
    const device = fs.realpathSync(mount.source);
    return { label: udevName('by-label', device), serial: udevName('by-uuid', device) };
  } catch {
    return { label: null, serial: null };
  }
}

/** Windows prints the volume label and the volume serial number with `vol X:` (in the system's language). */
export function parseWindowsVol(output: string): Medium {
  const serial = /([0-9A-F]{4}-[0-9A-F]{4})/i.exec(output)?.[1] ?? null;
  const firstLine = output.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const label = / (?:is|метку|est|ist) (.+)$/i.exec(firstLine.trim())?.[1]?.trim() ?? null;
  return { label, serial };
}

function windowsMedium(targetDir: string): Promise<Medium> {
  const drive = path.parse(path.resolve(targetDir)).root.slice(0, 2);
  return new Promise((resolve) => {
    execFile('cmd.exe', ['/d', '/c', 'vol', drive], { timeout: 5000, windowsHide: true }, (error, stdout) => {
      resolve(error ? { label: null, serial: null } : parseWindowsVol(stdout));
    });
  });
}

/** Best effort: a register line without a serial is better than a backup that failed over one. */
export async function describeMedium(targetDir: string): Promise<Medium> {
  if (process.platform === 'win32') return windowsMedium(targetDir);
  if (process.platform === 'linux') return linuxMedium(targetDir);
  return { label: null, serial: null };
}
