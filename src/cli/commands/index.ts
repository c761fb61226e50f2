import type { CliCommand } from '../command';
import { auditCommand } from './audit';
import { demoSchoolCommand } from './demo-school';
import { infoCommand } from './info';

/** Every command of `npm run moor`, in the order `help` lists them. */
export const commands: readonly CliCommand[] = [demoSchoolCommand, infoCommand, auditCommand];
