import { MoorError } from '../core/errors';

/** "0.0.0.0:8443", "192.168.1.10:8443", "[::]:8443" → hostname and port. */
export function parseListen(value: string): { hostname: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(value.trim());
  const port = Number(match?.[3]);
  const hostname = match?.[1] ?? match?.[2];
  if (!match || hostname === undefined || !Number.isInteger(port) || port > 65_535) {
    throw new MoorError('USAGE', `--listen must be ADDRESS:PORT, like 0.0.0.0:8443 (got "${value}").`);
  }
  return { hostname, port };
}
