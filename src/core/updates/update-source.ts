import path from 'node:path';
import { MoorError } from '../errors';

/**
 * Where the school's updates come from. Only two kinds are accepted: the school's update server
 * over https (no user:password in the address), or a folder the admin chose (a USB drive, a shared
 * folder) holding the installer and its latest.yml, for schools without a usable connection.
 * http:, file:, javascript: and every other scheme are refused: an update is code the PC will run.
 */
export type UpdateSource =
  { readonly kind: 'https'; readonly url: string } | { readonly kind: 'folder'; readonly path: string };

const WINDOWS_ABSOLUTE = /^(?:[a-zA-Z]:[\\/]|\\\\[^\\]+\\[^\\]+)/;

function invalid(value: string, why: string): MoorError {
  return new MoorError('UPDATE_SOURCE_INVALID', `Update address "${value}": ${why}`, {
    field: 'updateUrl',
    value,
  });
}

export function parseUpdateSource(raw: string): UpdateSource {
  const value = raw.trim();
  if (value === '') throw invalid(raw, 'it is empty.');
  if (WINDOWS_ABSOLUTE.test(value) || path.posix.isAbsolute(value)) {
    if (value.split(/[\\/]/).includes('..')) throw invalid(value, 'a folder must be given without "..".');
    return { kind: 'folder', path: value };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(value, 'give an https:// address or the full path of a folder.');
  }
  if (url.protocol !== 'https:') {
    throw invalid(value, `only https:// addresses are accepted (not ${url.protocol}).`);
  }
  if (url.username !== '' || url.password !== '') {
    throw invalid(value, 'an update address must not carry a user name or password.');
  }
  if (url.hostname === '') throw invalid(value, 'the address names no server.');
  return { kind: 'https', url: url.href.endsWith('/') ? url.href : `${url.href}/` };
}
