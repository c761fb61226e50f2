import { app } from 'electron';

/**
 * `moor.exe --cli <command> …` (and `moor-cli.cmd` beside it): the installed app runs the command
 * line itself, so the IT person's scheduled backup needs no Node.js. No window, no single-instance
 * lock: a scheduled backup runs while someone works in the window. The command line stays an entry
 * of its own (cli.js beside main.js; its TypeScript source under tsx): main only starts it.
 */
export function cliArguments(argv: readonly string[]): string[] | null {
  const at = argv.indexOf('--cli');
  return at === -1 ? null : argv.slice(at + 1);
}

export async function runCliInApp(): Promise<void> {
  const entry = import.meta.url.endsWith('.ts')
    ? new URL('../cli/main.ts', import.meta.url)
    : new URL('./cli.js', import.meta.url);
  try {
    await import(/* @vite-ignore */ entry.href);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  }
  app.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
}
