import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/canonical-json';

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The hash of a value's canonical JSON: the same data always gives the same fingerprint. */
export function fingerprintOf(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}

/** The part of a fingerprint printed on every page and in the QR code. */
export function shortHash(fingerprint: string): string {
  return fingerprint.slice(0, 12);
}
