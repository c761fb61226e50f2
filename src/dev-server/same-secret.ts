import { timingSafeEqual } from 'node:crypto';

/** Compares a secret a request brought with the server's in constant time. */
export function sameSecret(given: string | null | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
