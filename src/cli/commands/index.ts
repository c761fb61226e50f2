import type { CliCommand } from '../command';
import { auditCommand } from './audit';
import { closeCommand } from './close';
import { backupCommand } from './backup';
import { changesCommand } from './changes';
import { checkCopyCommand } from './check-copy';
import { demoSchoolCommand } from './demo-school';
import { exportBundleCommand } from './export-bundle';
import { infoCommand } from './info';
import { printCommand } from './print';
import { registersCommand } from './registers';
import { reportCommand } from './report';
import { restoreCommand } from './restore';
import { settingsCommand } from './settings';
import { setupCommand } from './setup';
import { syncCommand } from './sync';
import { verifyCommand } from './verify';

/** Every command of `npm run moor`, in the order `help` lists them. */
export const commands: readonly CliCommand[] = [
  setupCommand,
  demoSchoolCommand,
  infoCommand,
  auditCommand,
  syncCommand,
  exportBundleCommand,
  changesCommand,
  reportCommand,
  printCommand,
  checkCopyCommand,
  backupCommand,
  verifyCommand,
  restoreCommand,
  registersCommand,
  settingsCommand,
  closeCommand,
];
