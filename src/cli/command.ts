/** One `moor` subcommand. Each lives in its own file under `commands/` and is listed in `commands/index.ts`. */
export interface CliCommand {
  readonly name: string;
  /** One line for `moor help`. */
  readonly summary: string;
  /** The full usage text shown by `moor help NAME` and after a usage error. */
  readonly usage: string;
  run(args: string[], io: CliIo): Promise<number> | number;
}

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};
