import { isMoorError } from '../core/errors';
import type { ErrorCode } from '../shared/error-codes';
import type { CliCommand, CliIo } from './command';
import { commands } from './commands';

function printHelp(io: CliIo): void {
  io.out('Мөөр — quarter-end archive of the school e-journal.');
  io.out('');
  io.out('Usage: npm run moor -- <command> [options]');
  io.out('');
  const width = Math.max(...commands.map((c) => c.name.length));
  for (const command of commands) io.out(`  ${command.name.padEnd(width)}  ${command.summary}`);
  io.out('');
  io.out('npm run moor -- help <command> shows the options of one command.');
}

/**
 * The codes that mean the caller gave something wrong (exit code 2, with the command's usage): the
 * command line itself, a value the core refused as input, a report's period or dates, an output
 * file's extension.
 */
const USAGE_CODES: ReadonlySet<ErrorCode> = new Set([
  'USAGE',
  'BAD_INPUT',
  'REPORT_BAD_PARAMS',
  'EXPORT_WRONG_EXTENSION',
]);

function findCommand(name: string): CliCommand | undefined {
  return commands.find((c) => c.name === name);
}

/** Runs one command line and returns the process exit code: 0 done, 1 failed, 2 bad usage. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = rest[0] === undefined ? undefined : findCommand(rest[0]);
    if (topic) io.out(topic.usage);
    else printHelp(io);
    return 0;
  }
  const command = findCommand(name);
  if (!command) {
    io.err(`Unknown command "${name}".`);
    printHelp(io);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (isMoorError(error)) {
      io.err(`Error: ${error.message}`);
      if (USAGE_CODES.has(error.code)) {
        io.err('');
        io.err(command.usage);
        return 2;
      }
      return 1;
    }
    throw error;
  }
}
