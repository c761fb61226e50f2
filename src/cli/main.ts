import { defaultLogDir } from '../core/log/default-log-dir';
import { openLog } from '../core/log/log';
import { processIo } from './command';
import { runCli } from './run-cli';

openLog(defaultLogDir());
process.exitCode = await runCli(process.argv.slice(2), processIo);
