import { defaultLogDir } from '../core/log/default-log-dir';
import { openLog } from '../core/log/log';
import { processIo } from './command';
import { runCli } from './run-cli';

/** The arguments after `--cli` when the installed app runs the command line, else after the script. */
function commandLine(argv: readonly string[]): string[] {
  const cli = argv.indexOf('--cli');
  return argv.slice(cli === -1 ? 2 : cli + 1);
}

openLog(defaultLogDir());
process.exitCode = await runCli(commandLine(process.argv), processIo);
