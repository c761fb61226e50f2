import fs from 'node:fs';
import { roles, type Role } from '../../core/auth/actor';
import { systemClock } from '../../core/clock';
import { closeStatus, getCloseYear, startClose } from '../../core/close';
import { openMirror, type Mirror } from '../../core/db/mirror';
import { MoorError } from '../../core/errors';
import { oneOf, parseFlags, requireFlag } from '../args';
import { commandLineActor, signedInActor } from '../cli-identity';
import type { CliCommand, CliIo } from '../command';
import { closeActions, type CloseFlags } from './close-actions';
import { findClass, findClose, findPeriod } from './close-lookup';
import { printCloseStatus } from './close-print-status';
import { printJson } from '../json-output';

const usage = `Usage: npm run moor -- close <action> --db FILE [--as ROLE] [--user LOGIN --password-file FILE] [options]

The five-day quarter-end close (classes 2–11; a half-year closes the grades marked by half-year). Each action is recorded in the audit log.
Who acts: the command line is recorded as the computer's user ("… (command line)"), with the duty
asked for by --as deputy|secretary|director (each action has its usual role, below). Signatures,
the hand-over, the director's sign-off and the seal (sign, certify, handover, director-sign,
stamp) are recorded only for a Мөөр user who signs in: --user LOGIN --password-file FILE.
--close N picks the close when more than one is open.

  start          --period q1|q2|q3|q4|h1|h2|year [--year 2025-2026] [--classes 5А,5Б]   (deputy)
  status         [--json]  where the close stands: every day, what is open, overrides, voided signatures
  check          [--out DIR]  day-1 checks; with --out, a printable check list (PDF) per teacher
  confirm        --teacher "Surname Name" [--class 5А] [--subject CODE|NAME]
                 or --all-clean: every teacher whose items the checks find nothing in  (deputy)
  override       --day 1-4 --reason "written reason"   complete a day with items still open (deputy)
  cancel         --reason "written reason"   take back a close started by mistake, until the
                 hand-over to the secretary; the period can then be started again   (deputy)
  print          --out DIR [--class 5А] [--lang ky|ru]  day 2: print the class copies (PDF + XLSX),
                 each class in its language of instruction unless --lang gives one for all (deputy)
  backup         --target DIR --passphrase-file FILE [--documents DIR]  day 2: verified backup (deputy)
  sign           --class 5А --teacher "Surname Name" [--subject X] [--date YYYY-MM-DD]  day 3 (deputy records)
  certify        --class 5А [--teacher "Surname Name"] [--date YYYY-MM-DD]  day 4: class teacher (deputy records)
  handover       [--to "Surname Name"]  day 5: copies to the secretary (deputy)
  director-sign  day 5: the director signed the copies                              (--as director)
  stamp          day 5: the copies are sealed                                        (--as secretary|director)
  complete       day 5: folder formed, archive register filled, the period frozen    (--as secretary)`;

const defaultRole: Record<string, Role> = {
  'director-sign': 'director',
  stamp: 'secretary',
  complete: 'secretary',
};

/** The steps that record a person's signature or seal: never in the command line's own name. */
const personalSteps = new Set(['sign', 'certify', 'handover', 'director-sign', 'stamp']);

function startAction(mirror: Mirror, flags: CloseFlags, io: CliIo): void {
  const periodId = findPeriod(mirror, requireFlag(flags.period, 'period'), flags.year);
  const period = mirror.first(
    mirror.db.selectFrom('reporting_period').selectAll().where('id', '=', periodId),
  );
  const classIds = flags.classes
    ?.split(',')
    .filter((label) => label.trim() !== '')
    .map((label) => findClass(mirror, label, period?.academic_year_id ?? 0));
  const actor = commandLineActor((flags.as as Role | undefined) ?? 'deputy');
  const closeId = startClose(mirror, { periodId, ...(classIds ? { classIds } : {}) }, actor, systemClock);
  io.out(`Close ${closeId} started by ${actor.name}.`);
  printCloseStatus(io, closeStatus(mirror, closeId));
}

export const closeCommand: CliCommand = {
  name: 'close',
  summary: 'Run the five-day quarter-end close: checks, copies, signatures, hand-over, freezing',
  usage,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      db: { type: 'string' },
      as: { type: 'string' },
      user: { type: 'string' },
      'password-file': { type: 'string' },
      close: { type: 'string' },
      period: { type: 'string' },
      year: { type: 'string' },
      classes: { type: 'string' },
      class: { type: 'string' },
      teacher: { type: 'string' },
      subject: { type: 'string' },
      date: { type: 'string' },
      day: { type: 'string' },
      reason: { type: 'string' },
      out: { type: 'string' },
      target: { type: 'string' },
      'passphrase-file': { type: 'string' },
      documents: { type: 'string' },
      to: { type: 'string' },
      'all-clean': { type: 'boolean' },
      lang: { type: 'string' },
      json: { type: 'boolean' },
    });
    const [action, ...extra] = positionals;
    if (action === undefined || extra.length > 0) {
      throw new MoorError(
        'USAGE',
        action === undefined ? 'Say which close action to run.' : `Unexpected "${extra.join(' ')}".`,
      );
    }
    const flags: CloseFlags = { ...values };
    if (flags.as !== undefined) oneOf(flags.as, roles, 'as');
    if (flags['passphrase-file'] !== undefined && !fs.existsSync(flags['passphrase-file'])) {
      throw new MoorError('USAGE', `--passphrase-file ${flags['passphrase-file']} does not exist.`);
    }
    const mirror = openMirror(requireFlag(values.db, 'db'));
    try {
      if (action === 'start') {
        startAction(mirror, flags, io);
        return 0;
      }
      if (action === 'status') {
        const status = closeStatus(mirror, findClose(mirror, flags.close, true));
        if (values.json === true) printJson(io, status);
        else printCloseStatus(io, status);
        return 0;
      }
      const handler = closeActions[action];
      if (!handler) throw new MoorError('USAGE', `Unknown close action "${action}".`);
      const closeId = findClose(mirror, flags.close);
      const role = (flags.as as Role | undefined) ?? defaultRole[action] ?? 'deputy';
      const actor = personalSteps.has(action)
        ? await signedInActor(mirror, values.user, values['password-file'], action)
        : commandLineActor(role);
      const yearId = getCloseYear(mirror, closeId);
      await handler({
        mirror,
        closeId,
        actor,
        flags,
        io,
        clock: systemClock,
        classId: (label) => findClass(mirror, label, yearId),
      });
      return 0;
    } finally {
      mirror.close();
    }
  },
};
