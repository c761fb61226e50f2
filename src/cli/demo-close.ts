import fs from 'node:fs';
import path from 'node:path';
import type { Actor, Role } from '../core/auth/actor';
import { verifyAuditChain } from '../core/audit/verify-chain';
import { writeTeacherChecklists } from '../core/checks/print-checklists';
import { checkRuleIds } from '../core/checks/finding';
import { fixedClock, type Clock } from '../core/clock';
import {
  backupForClose,
  closeItems,
  closeStatus,
  completeClose,
  confirmCleanTeacherChecks,
  folderLabel,
  overrideDay,
  printForClose,
  recordChecks,
  recordDirectorSignature,
  confirmReceipt,
  recordStamp,
  recordSubjectSignature,
  recordTitleCertification,
  startClose,
} from '../core/close';
import type { Mirror } from '../core/db/mirror';
import type { StaffPosition } from '../core/db/schema';
import { renderRegisterPdf } from '../core/documents';
import { registerLayout } from '../core/registers/register-layouts';
import type { CliIo } from './command';
import { syncTeacherCorrection } from './demo-correction';
import { schoolLanguage, schoolNameIn } from '../core/settings/school';

/** The close runs in the autumn vacation after quarter 1: day 1 is Monday 3 November 2025, 10:00 in Bishkek. */
const dayClock = (day: number, hour = 4): Clock =>
  fixedClock(`2025-11-${String(2 + day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`);
const dayDate = (day: number): string => `2025-11-${String(2 + day).padStart(2, '0')}`;

const DAY1_REASON =
  'Мугалимдер текшерүү барактарын карап чыгышты; кечиккен жана оңдолгон баалар боюнча түшүнүк каттары алынды, ' +
  'жетишпеген жыйынтыктоочу баалар 10-ноябрга чейин коюлат. Директор макул.';

function staffActor(mirror: Mirror, position: StaffPosition, role: Role): Actor {
  const staff = mirror.first(
    mirror.db
      .selectFrom('staff')
      .select(['id', 'last_name', 'first_name'])
      .where('position', '=', position)
      .orderBy('id')
      .limit(1),
  );
  if (!staff) throw new Error(`The demo school has no ${position}.`);
  return { userId: `staff:${staff.id}`, name: `${staff.last_name} ${staff.first_name}`, role };
}

const n = (value: number): string => value.toLocaleString('en-US');

export interface DemoCloseOptions {
  outDir: string;
  passphrase: string;
}

/** Runs the whole five-day close of quarter 1 over the mirror's school and tells what happened each day. */
export async function runDemoClose(mirror: Mirror, options: DemoCloseOptions, io: CliIo): Promise<void> {
  const deputy = staffActor(mirror, 'deputy', 'deputy');
  const secretary = staffActor(mirror, 'secretary', 'secretary');
  const director = staffActor(mirror, 'director', 'director');
  const period = mirror.first(
    mirror.db
      .selectFrom('reporting_period')
      .selectAll()
      .where('kind', '=', 'quarter')
      .where('number', '=', 1),
  );
  if (!period) throw new Error('The demo school has no quarter 1.');
  const language = schoolLanguage(mirror);
  const out = (sub: string) => path.join(options.outDir, sub);
  const rel = (p: string) => path.relative(process.cwd(), p) || '.';

  const lastLesson = mirror.first(
    mirror.db
      .selectFrom('lesson')
      .select((eb) => eb.fn.max('date').as('date'))
      .where('date', '<=', period.ends_on),
  );
  io.out(`Day 0  the mirror is current as of ${lastLesson?.date ?? '?'} (quarter 1 ends ${period.ends_on}).`);

  const closeId = startClose(mirror, { periodId: period.id }, deputy, dayClock(1, 3));
  const started = closeStatus(mirror, closeId);
  io.out(
    `       close ${closeId} of ${started.periodLabel} started by the deputy ${deputy.name}: ` +
      `${started.classes.length} classes (2–11), ${n(started.days.reduce((s, d) => s + d.counts.total, 0))} items over five days.`,
  );

  // Day 1
  const report = recordChecks(mirror, closeId, deputy, dayClock(1));
  const lists = await writeTeacherChecklists(mirror, report, out('checklists'), {
    language,
    createdAt: dayClock(1)().toISOString(),
    schoolName: schoolNameIn(mirror, language),
    periodLabel: started.periodLabel,
  });
  const clean = confirmCleanTeacherChecks(mirror, closeId, deputy, dayClock(1, 9));
  const open = closeItems(mirror, closeId, { kind: 'teacher_check' }).filter(
    (i) => i.status === 'open',
  ).length;
  io.out(`Day 1  checks over ${n(report.items.length)} teacher × class × subject items found:`);
  io.out(
    `         ${checkRuleIds.map((r) => `${r.replaceAll('_', ' ')} ${n(report.totals[r])}`).join(', ')}`,
  );
  io.out(`       ${lists.length} check lists (one PDF per teacher) in ${rel(out('checklists'))}`);
  io.out(`       ${clean} items confirmed with nothing found; ${open} left open with findings.`);
  if (open > 0) {
    overrideDay(mirror, { closeId, day: 1, reason: DAY1_REASON }, deputy, dayClock(1, 11));
    io.out(`       day 1 completed by the deputy's override of the ${open} open items, reason on record:`);
    io.out(`         "${DAY1_REASON}"`);
  }

  // Day 2
  const printed = await printForClose(mirror, { closeId, outDir: out('copies') }, deputy, dayClock(2));
  io.out(
    `Day 2  printed ${printed.copies.length} class copies (PDF + XLSX), ${n(printed.pages)} pages, in ${rel(out('copies'))}` +
      ` (all classes: ${path.basename(printed.mergedPdfPath)})`,
  );
  fs.mkdirSync(out('backup-drive'), { recursive: true });
  const backup = await backupForClose(
    mirror,
    {
      closeId,
      targetDir: out('backup-drive'),
      passphrase: options.passphrase,
      documentsDir: out('copies'),
      mediumLabel: 'DEMO-USB',
    },
    deputy,
    dayClock(2, 6),
  );
  io.out(
    `       encrypted backup written and verified: ${rel(backup.backupPath)} (${(backup.bytes / 1048576).toFixed(1)} MB, ` +
      `${backup.documents} files of printed copies), backup register no. ${backup.registerNumber}/${backup.registerYear}`,
  );

  // Day 3
  const signItems = closeItems(mirror, closeId, { kind: 'subject_signature' });
  const signAll = (clock: Clock) => {
    let count = 0;
    for (const item of closeItems(mirror, closeId, { kind: 'subject_signature' })) {
      if (item.status !== 'open' && item.status !== 'voided') continue;
      count += recordSubjectSignature(
        mirror,
        {
          closeId,
          classId: item.class_id ?? 0,
          teacherId: item.teacher_id ?? 0,
          subjectId: item.subject_id ?? 0,
          signedOn: dayDate(3),
        },
        deputy,
        clock,
      );
    }
    return count;
  };
  io.out(
    `Day 3  ${signAll(dayClock(3))} of ${signItems.length} subject signatures recorded (every page of each subject, with the date).`,
  );
  const corrected = printed.copies[0];
  if (corrected) {
    syncTeacherCorrection(
      mirror,
      {
        classId: corrected.classId,
        from: period.starts_on,
        to: period.ends_on,
        changedAt: '2025-11-05T08:30:00.000Z',
      },
      deputy,
      dayClock(3, 9),
    );
    const changed = closeStatus(mirror, closeId).changedSincePrint;
    io.out(
      `       ! a sync brought a mark a teacher corrected in ${corrected.className} after printing; the tracker asks for a re-print ` +
        `(${changed.map((c) => `${c.className}: ${c.changes} change(s)`).join(', ')}).`,
    );
    const reprint = await printForClose(
      mirror,
      { closeId, outDir: out('copies'), classIds: [corrected.classId] },
      deputy,
      dayClock(3, 10),
    );
    const copy = reprint.copies[0];
    io.out(
      `       re-printed ${corrected.className}: ${copy?.documentId ?? '?'} supersedes ${corrected.documentId}; ` +
        `${copy?.voided ?? 0} signatures given on the old copy voided; collected again: ${signAll(dayClock(3, 11))}.`,
    );
  }

  // Day 4
  let certified = 0;
  for (const item of closeItems(mirror, closeId, { kind: 'title_certification' })) {
    recordTitleCertification(
      mirror,
      { closeId, classId: item.class_id ?? 0, signedOn: dayDate(4) },
      deputy,
      dayClock(4),
    );
    certified += 1;
  }
  io.out(`Day 4  ${certified} title pages certified by their class teachers.`);

  // Day 5
  confirmReceipt(mirror, { closeId, secretaryId: Number(secretary.userId.slice(6)) }, secretary, dayClock(5));
  recordDirectorSignature(mirror, closeId, director, dayClock(5, 5));
  recordStamp(mirror, closeId, secretary, dayClock(5, 6));
  const done = completeClose(mirror, closeId, secretary, dayClock(5, 8));
  io.out(
    `Day 5  copies received from the deputy by the secretary ${secretary.name} (her signature in the hand-over log), signed by the director ` +
      `${director.name}, sealed; folder "${done.folderLabel}" formed.`,
  );
  io.out(
    `       ${done.archiveEntries.length} archive register entries; ${done.frozenClasses} class periods frozen as printed.`,
  );

  // After the close
  const frozenClass = printed.copies[1] ?? printed.copies[0];
  if (frozenClass) {
    syncTeacherCorrection(
      mirror,
      {
        classId: frozenClass.classId,
        from: period.starts_on,
        to: period.ends_on,
        changedAt: '2025-11-12T05:00:00.000Z',
      },
      deputy,
      fixedClock('2025-11-12T06:00:00Z'),
    );
    const flagged = closeStatus(mirror, closeId).certifiedDataChanges;
    io.out(
      `After  a sync on 12 November changed certified data: flagged ${flagged
        .map((c) => `${c.className} (${c.changes} change(s))`)
        .join(', ')}.`,
    );
  }

  const registers: string[] = [];
  for (const kind of ['archive', 'backup', 'handover'] as const) {
    const layout = registerLayout(mirror, { kind, language, createdAt: dayClock(5, 9)() });
    const target = path.join(out('registers'), `${kind}-register.pdf`);
    await renderRegisterPdf(layout, target);
    registers.push(path.basename(target));
  }
  io.out(`Registers printed in ${rel(out('registers'))}: ${registers.join(', ')}`);
  const audit = verifyAuditChain(mirror);
  io.out(
    `Audit log: ${n(audit.entries)} entries, ${audit.ok ? 'hash chain verified intact' : `${audit.problems.length} PROBLEMS`}.` +
      ` Check it yourself: npm run moor -- audit verify --db ${rel(mirror.path)}`,
  );
  io.out(
    `Where it stands: npm run moor -- close status --db ${rel(mirror.path)} (folder ${folderLabel(mirror, period.id)})`,
  );
}
