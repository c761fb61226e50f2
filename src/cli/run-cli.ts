import { appVersion } from '../core/app-version';
import { isMoorError } from '../core/errors';
import { log } from '../core/log/log';
import type { ErrorCode } from '../shared/error-codes';
import type { CliCommand, CliIo } from './command';
import { commands } from './commands';
import { EXIT, exitCodesHelp } from './exit-codes';

function printHelp(write: (line: string) => void): void {
  write('Мөөр — quarter-end archive of the school e-journal.');
  write('');
  write('Usage: npm run moor -- <command> [options]');
  write(
    '       (the installed app: moor-cli.cmd <command> [options] beside moor.exe, or moor --cli … on Linux)',
  );
  write('');
  const width = Math.max(...commands.map((c) => c.name.length));
  for (const command of commands) write(`  ${command.name.padEnd(width)}  ${command.summary}`);
  write('');
  write('npm run moor -- help <command> shows the options of one command; --version prints the version.');
  write('Results go to stdout, errors to stderr.');
  write('');
  for (const line of exitCodesHelp()) write(line);
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

/** Runs one command line and returns the process exit code (see `exit-codes.ts`). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = rest[0] === undefined ? undefined : findCommand(rest[0]);
    if (topic) io.out(topic.usage);
    else
      printHelp((line) => {
        io.out(line);
      });
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.out(appVersion());
    return EXIT.ok;
  }
  const command = findCommand(name);
  if (!command) {
    io.err(`Unknown command "${name}".`);
    io.err('');
    printHelp((line) => {
      io.err(line);
    });
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return EXIT.ok;
  }
  log.info(`cli ${command.name}`, { args: rest.join(' ') });
  try {
    const code = await command.run(rest, io);
    log.info(`cli ${command.name} exited ${code}`);
    return code;
  } catch (error) {
    if (isMoorError(error)) {
      log.warn(`cli ${command.name} failed`, { code: error.code, message: error.message });
      io.err(`Error: ${error.message}`);
      if (USAGE_CODES.has(error.code)) {
        io.err('');
        io.err(command.usage);
        return EXIT.usage;
      }
      return EXIT.failed;
    }
    log.error(`cli ${command.name} crashed`, error);
    throw error;
  }
}
