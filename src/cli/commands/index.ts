import type { CliCommand } from '../command';
import { infoCommand } from './info';

/** Every command of `npm run moor`, in the order `help` lists them. */
export const commands: readonly CliCommand[] = [infoCommand];
