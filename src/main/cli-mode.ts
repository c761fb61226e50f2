import { app } from 'electron';
import { processIo } from '../cli/command';
import { runCli } from '../cli/run-cli';

/**
 * `moor.exe --cli <command> …` (and `moor-cli.cmd` beside it): the installed app runs the command line
 * itself, so the IT person's scheduled backup needs no Node.js. No window, no single-instance lock:
 * a scheduled backup runs while someone works in the window.
 */
export function cliArguments(argv: readonly string[]): string[] | null {
  const at = argv.indexOf('--cli');
  return at === -1 ? null : argv.slice(at + 1);
}

export async function runCliInApp(args: string[]): Promise<void> {
  let code: number;
  try {
    code = await runCli(args, processIo);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    code = 70;
  }
  app.exit(code);
}
