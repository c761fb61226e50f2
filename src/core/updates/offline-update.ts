import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { z } from 'zod';
import { MoorError } from '../errors';
import type { ErrorCode } from '../../shared/error-codes';
import { compareVersions } from './version-order';

/**
 * An update brought on a USB drive or in a shared folder: the installer and the latest.yml that
 * electron-builder writes beside it (latest-linux.yml for Linux). The installer is taken only when
 * its size and sha512 are the ones latest.yml gives; the same check runs again right before it
 * is started, so a file swapped on the drive in between is refused.
 */
export interface OfflineUpdate {
  readonly version: string;
  /** The installer's full path, inside the folder. */
  readonly installer: string;
}

const manifestSchema = z.object({
  version: z.string().min(1),
  path: z.string().min(1),
  sha512: z.string().min(1),
  files: z
    .array(z.object({ url: z.string(), sha512: z.string(), size: z.number().int().nonnegative().optional() }))
    .optional(),
});

export function manifestName(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return 'latest.yml';
  if (platform === 'darwin') return 'latest-mac.yml';
  return 'latest-linux.yml';
}

function fault(code: ErrorCode, message: string, folder: string): MoorError {
  return new MoorError(code, message, { folder });
}

async function sha512Of(file: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('base64');
}

/**
 * Reads and verifies the update in `folder`. Null when it is not newer than `currentVersion`
 * (nothing to install); a coded MoorError when the folder, latest.yml or the installer is wrong.
 */
export async function readOfflineUpdate(
  folder: string,
  currentVersion: string,
  manifest = manifestName(),
): Promise<OfflineUpdate | null> {
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    throw fault(
      'UPDATE_FOLDER_MISSING',
      `There is no update folder ${folder} (is the drive plugged in?).`,
      folder,
    );
  }
  const manifestPath = path.join(folder, manifest);
  if (!fs.existsSync(manifestPath)) {
    throw fault('UPDATE_MANIFEST_MISSING', `${folder} holds no ${manifest} beside the installer.`, folder);
  }
  let parsed: z.infer<typeof manifestSchema>;
  try {
    parsed = manifestSchema.parse(load(fs.readFileSync(manifestPath, 'utf8')));
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw fault(
      'UPDATE_MANIFEST_INVALID',
      `${manifestPath} is not a valid update description: ${why}`,
      folder,
    );
  }
  if (path.basename(parsed.path) !== parsed.path || parsed.path.includes('\\')) {
    throw fault('UPDATE_MANIFEST_INVALID', `${manifestPath} names an installer outside its folder.`, folder);
  }
  if (compareVersions(parsed.version, currentVersion) <= 0) return null;
  const installer = path.join(folder, parsed.path);
  const stat = fs.statSync(installer, { throwIfNoEntry: false });
  if (!stat?.isFile()) {
    throw fault(
      'UPDATE_FILE_MISSING',
      `The installer ${parsed.path} that ${manifest} names is not in ${folder}.`,
      folder,
    );
  }
  const entry = parsed.files?.find((f) => f.url === parsed.path);
  const expected = entry?.sha512 ?? parsed.sha512;
  if ((entry?.size !== undefined && entry.size !== stat.size) || (await sha512Of(installer)) !== expected) {
    throw fault(
      'UPDATE_CHECKSUM_MISMATCH',
      `${installer} is not the file ${manifest} describes (its sha512 differs): copy the update again.`,
      folder,
    );
  }
  return { version: parsed.version, installer };
}
