import type { CliCommand } from '../command';
import { auditCommand } from './audit';
import { changesCommand } from './changes';
import { demoSchoolCommand } from './demo-school';
import { exportBundleCommand } from './export-bundle';
import { infoCommand } from './info';
import { printCommand } from './print';
import { reportCommand } from './report';
import { syncCommand } from './sync';

/** Every command of `npm run moor`, in the order `help` lists them. */
export const commands: readonly CliCommand[] = [
  demoSchoolCommand,
  infoCommand,
  auditCommand,
  syncCommand,
  exportBundleCommand,
  changesCommand,
  reportCommand,
  printCommand,
];
