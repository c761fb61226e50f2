import type { Actor } from '../../core/auth/actor';
import { writeTeacherChecklists } from '../../core/checks/print-checklists';
import { checkRuleIds } from '../../core/checks/finding';
import type { Clock } from '../../core/clock';
import {
  backupForClose,
  closeStatus,
  completeClose,
  confirmCleanTeacherChecks,
  cancelClose,
  confirmTeacherCheck,
  folderLabel,
  overrideDay,
  printForClose,
  recordChecks,
  recordDirectorSignature,
  recordHandover,
  recordStamp,
  recordSubjectSignature,
  recordTitleCertification,
  type CloseDay,
} from '../../core/close';
import type { Mirror } from '../../core/db/mirror';
import { MoorError } from '../../core/errors';
import { integerFlag, oneOf, requireFlag } from '../args';
import type { CliIo } from '../command';
import { readPassphraseFile } from '../passphrase-file';
import { findStaff, findSubject } from './close-lookup';
import { schoolLanguage, schoolNameIn } from '../../core/settings/school';

export interface CloseFlags {
  as?: string;
  name?: string;
  close?: string;
  period?: string;
  year?: string;
  classes?: string;
  class?: string;
  teacher?: string;
  subject?: string;
  date?: string;
  day?: string;
  reason?: string;
  out?: string;
  target?: string;
  'passphrase-file'?: string;
  documents?: string;
  to?: string;
  'all-clean'?: boolean;
  lang?: string;
}

export interface ActionContext {
  mirror: Mirror;
  closeId: number;
  actor: Actor;
  flags: CloseFlags;
  io: CliIo;
  clock: Clock;
  classId(label: string): number;
}

function dayLine(ctx: ActionContext, day: number): string {
  const status = closeStatus(ctx.mirror, ctx.closeId);
  const d = status.days.find((x) => x.day === day);
  if (!d) return '';
  return `${d.title}: ${d.counts.done}/${d.counts.total} done${d.completed ? ' — complete' : ''}.`;
}

async function check(ctx: ActionContext): Promise<void> {
  const report = recordChecks(ctx.mirror, ctx.closeId, ctx.actor, ctx.clock);
  const withFindings = report.items.filter((i) => i.findings.length > 0);
  ctx.io.out(
    `Day-1 checks: ${report.items.length} teacher × class × subject items, ${withFindings.length} with findings.`,
  );
  for (const rule of checkRuleIds) ctx.io.out(`  ${rule.padEnd(24)} ${report.totals[rule]}`);
  if (ctx.flags.out !== undefined) {
    const language = schoolLanguage(ctx.mirror);
    const lists = await writeTeacherChecklists(ctx.mirror, report, ctx.flags.out, {
      language,
      createdAt: ctx.clock().toISOString(),
      schoolName: schoolNameIn(ctx.mirror, language),
      periodLabel: folderLabel(ctx.mirror, report.scope.period.id),
    });
    ctx.io.out(`Check lists: ${lists.length} PDFs (one per teacher) in ${ctx.flags.out}`);
  }
  ctx.io.out('Confirm the teachers with nothing found: npm run moor -- close confirm --all-clean');
}

function confirm(ctx: ActionContext): void {
  if (ctx.flags['all-clean'] === true) {
    const count = confirmCleanTeacherChecks(ctx.mirror, ctx.closeId, ctx.actor, ctx.clock);
    ctx.io.out(`Confirmed ${count} teacher items with nothing found. ${dayLine(ctx, 1)}`);
    return;
  }
  const teacherId = findStaff(ctx.mirror, requireFlag(ctx.flags.teacher, 'teacher'));
  const count = confirmTeacherCheck(
    ctx.mirror,
    {
      closeId: ctx.closeId,
      teacherId,
      ...(ctx.flags.class === undefined ? {} : { classId: ctx.classId(ctx.flags.class) }),
      ...(ctx.flags.subject === undefined ? {} : { subjectId: findSubject(ctx.mirror, ctx.flags.subject) }),
    },
    ctx.actor,
    ctx.clock,
  );
  ctx.io.out(`Confirmed ${count} item(s). ${dayLine(ctx, 1)}`);
}

function override(ctx: ActionContext): void {
  const day = integerFlag(requireFlag(ctx.flags.day, 'day'), 'day') ?? 0;
  if (day < 1 || day > 5) throw new MoorError('USAGE', `--day must be 1 to 5 (got ${day}).`);
  const overrideId = overrideDay(
    ctx.mirror,
    { closeId: ctx.closeId, day: day as CloseDay, reason: requireFlag(ctx.flags.reason, 'reason') },
    ctx.actor,
    ctx.clock,
  );
  ctx.io.out(`Override ${overrideId} recorded. ${dayLine(ctx, day)}`);
}

function cancel(ctx: ActionContext): void {
  cancelClose(
    ctx.mirror,
    { closeId: ctx.closeId, reason: requireFlag(ctx.flags.reason, 'reason') },
    ctx.actor,
    ctx.clock,
  );
  ctx.io.out(
    `Close ${ctx.closeId} cancelled; the audit log keeps what it held. The period can be started again.`,
  );
}

async function print(ctx: ActionContext): Promise<void> {
  const result = await printForClose(
    ctx.mirror,
    {
      closeId: ctx.closeId,
      outDir: requireFlag(ctx.flags.out, 'out'),
      ...(ctx.flags.class === undefined ? {} : { classIds: [ctx.classId(ctx.flags.class)] }),
      ...(ctx.flags.lang === undefined
        ? {}
        : { language: oneOf(ctx.flags.lang, ['ky', 'ru'] as const, 'lang') }),
    },
    ctx.actor,
    ctx.clock,
  );
  for (const copy of result.copies) {
    const voided = copy.voided > 0 ? `; ${copy.voided} signature(s) voided, collect them again` : '';
    ctx.io.out(`  ${copy.className}: ${copy.outcome}, ${copy.pages} pages, ${copy.documentId}${voided}`);
  }
  ctx.io.out(
    `Printed ${result.copies.length} class copies, ${result.pages} pages; all classes in ${result.mergedPdfPath}`,
  );
  ctx.io.out(dayLine(ctx, 2));
}

async function backup(ctx: ActionContext): Promise<void> {
  const passphrase = readPassphraseFile(requireFlag(ctx.flags['passphrase-file'], 'passphrase-file'));
  const result = await backupForClose(
    ctx.mirror,
    {
      closeId: ctx.closeId,
      targetDir: requireFlag(ctx.flags.target, 'target'),
      passphrase,
      ...(ctx.flags.documents === undefined ? {} : { documentsDir: ctx.flags.documents }),
    },
    ctx.actor,
    ctx.clock,
  );
  ctx.io.out(
    `Backup ${result.backupId} written and verified at ${result.backupPath} (${result.bytes} bytes, ` +
      `${result.documents} printed copies); backup register no. ${result.registerNumber}/${result.registerYear}.`,
  );
  ctx.io.out(dayLine(ctx, 2));
}

function sign(ctx: ActionContext): void {
  const count = recordSubjectSignature(
    ctx.mirror,
    {
      closeId: ctx.closeId,
      classId: ctx.classId(requireFlag(ctx.flags.class, 'class')),
      teacherId: findStaff(ctx.mirror, requireFlag(ctx.flags.teacher, 'teacher')),
      ...(ctx.flags.subject === undefined ? {} : { subjectId: findSubject(ctx.mirror, ctx.flags.subject) }),
      ...(ctx.flags.date === undefined ? {} : { signedOn: ctx.flags.date }),
    },
    ctx.actor,
    ctx.clock,
  );
  ctx.io.out(`Recorded ${count} subject signature(s). ${dayLine(ctx, 3)}`);
}

function certify(ctx: ActionContext): void {
  recordTitleCertification(
    ctx.mirror,
    {
      closeId: ctx.closeId,
      classId: ctx.classId(requireFlag(ctx.flags.class, 'class')),
      ...(ctx.flags.teacher === undefined ? {} : { teacherId: findStaff(ctx.mirror, ctx.flags.teacher) }),
      ...(ctx.flags.date === undefined ? {} : { signedOn: ctx.flags.date }),
    },
    ctx.actor,
    ctx.clock,
  );
  ctx.io.out(`Title page certified. ${dayLine(ctx, 4)}`);
}

function handover(ctx: ActionContext): void {
  const secretaryId =
    ctx.flags.to === undefined
      ? ctx.mirror.first(
          ctx.mirror.db.selectFrom('staff').select('id').where('position', '=', 'secretary').orderBy('id'),
        )?.id
      : findStaff(ctx.mirror, ctx.flags.to, 'secretary');
  if (secretaryId === undefined)
    throw new MoorError('USAGE', 'The mirror knows no secretary; name them with --to.');
  recordHandover(ctx.mirror, { closeId: ctx.closeId, secretaryId }, ctx.actor, ctx.clock);
  ctx.io.out(`Copies handed over to the secretary; entered in the hand-over log. ${dayLine(ctx, 5)}`);
}

function directorSign(ctx: ActionContext): void {
  recordDirectorSignature(ctx.mirror, ctx.closeId, ctx.actor, ctx.clock);
  ctx.io.out(`Director's signature recorded. ${dayLine(ctx, 5)}`);
}

function stamp(ctx: ActionContext): void {
  recordStamp(ctx.mirror, ctx.closeId, ctx.actor, ctx.clock);
  ctx.io.out(`School seal recorded. ${dayLine(ctx, 5)}`);
}

function complete(ctx: ActionContext): void {
  const done = completeClose(ctx.mirror, ctx.closeId, ctx.actor, ctx.clock);
  ctx.io.out(
    `Close ${ctx.closeId} complete: folder "${done.folderLabel}", ${done.archiveEntries.length} archive register entries, ` +
      `${done.frozenClasses} class periods frozen. Later syncs that change them are flagged.`,
  );
}

export const closeActions: Record<string, ((ctx: ActionContext) => Promise<void> | void) | undefined> = {
  check,
  confirm,
  override,
  cancel,
  print,
  backup,
  sign,
  certify,
  handover,
  'director-sign': directorSign,
  stamp,
  complete,
};
