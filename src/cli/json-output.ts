import type { CliIo } from './command';

/** `--json`: the command's result as one JSON document on stdout, for scripts to read. */
export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}
