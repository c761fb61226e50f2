import { createHmac, randomInt } from 'node:crypto';

/** Letters and digits nobody misreads from a screen: no 0/O, 1/I/L. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const LENGTH = 10;

/** A new pairing code, about 50 bits: far beyond guessing at the few tries an address is allowed. */
export function newPairingCode(): string {
  return Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/** As shown on the host: "ABCD-EFGH-JK". */
export function showPairingCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-');
}

/** As typed: case, spaces and dashes do not count. */
export function normalPairingCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/**
 * What a desktop client sends instead of the code: the code bound to the certificate it saw.
 * A machine in the middle, showing its own certificate, gets a proof the host refuses.
 */
export function pairingProof(code: string, fingerprint: string): string {
  return createHmac('sha256', normalPairingCode(code)).update(fingerprint).digest('hex');
}
