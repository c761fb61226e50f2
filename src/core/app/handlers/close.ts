import path from 'node:path';
import { assertSchoolPassphrase } from '../../backup/school-passphrase';
import {
  backupForClose,
  cancelClose,
  completeClose,
  confirmTeacherCheck,
  overrideDay,
  printForClose,
  recordChecks,
  confirmReceipt,
  recordDirectorSignature,
  recordHandover,
  recordStamp,
  recordSubjectSignature,
  recordTitleCertification,
  startClose,
  type CloseDay,
} from '../../close';
import type { Handler } from '../handler';
import { checkListView, closeBoard, closeOverview } from '../read/close';
import { backupFraction, closeBackupView, printedCopiesView } from '../read/close-files';
import { printSignatureSheet, subjectNamesIn } from '../read/signature-sheet';
import { schoolNameIn } from '../../settings/school';

/**
 * The five-day close through the contract: each handler calls the close module (which checks the
 * role again and audits) and answers with the board as it now stands.
 */
export const closeHandlers = {
  'close.overview': { access: 'close.read', run: (ctx) => closeOverview(ctx.mirror) },
  'close.start': {
    access: 'close.start',
    run: (ctx, input) =>
      closeBoard(
        ctx.mirror,
        startClose(
          ctx.mirror,
          { periodId: input.periodId, ...(input.classIds ? { classIds: input.classIds } : {}) },
          ctx.actor,
          ctx.clock,
        ),
      ),
  },
  'close.cancel': {
    access: 'close.cancel',
    run(ctx, input) {
      cancelClose(ctx.mirror, input, ctx.actor, ctx.clock);
      return closeOverview(ctx.mirror);
    },
  },
  'close.board': { access: 'close.read', run: (ctx, input) => closeBoard(ctx.mirror, input.closeId) },
  'close.check': {
    access: 'close.check',
    run: (ctx, input) =>
      checkListView(ctx.mirror, recordChecks(ctx.mirror, input.closeId, ctx.actor, ctx.clock)),
  },
  'close.confirm': {
    access: 'close.confirm',
    run(ctx, input) {
      confirmTeacherCheck(ctx.mirror, input, ctx.actor, ctx.clock);
      return closeBoard(ctx.mirror, input.closeId);
    },
  },
  'close.override': {
    access: 'close.override',
    run(ctx, input) {
      overrideDay(
        ctx.mirror,
        { closeId: input.closeId, day: input.day as CloseDay, reason: input.reason },
        ctx.actor,
        ctx.clock,
      );
      return closeBoard(ctx.mirror, input.closeId);
    },
  },
  'close.print': {
    access: 'documents.print',
    run(ctx, input) {
      const outDir = path.join(ctx.dataDir, 'copies');
      return ctx.jobs.startTask('close.print', ctx.actor, async (scope) =>
        printedCopiesView(
          outDir,
          await printForClose(
            ctx.mirror,
            {
              closeId: input.closeId,
              outDir,
              signal: scope.signal,
              onProgress: (p) => {
                scope.progress(p.total === 0 ? 1 : p.done / p.total, p.className);
              },
              ...(input.classIds ? { classIds: input.classIds } : {}),
              ...(input.language ? { language: input.language } : {}),
            },
            ctx.actor,
            ctx.clock,
          ),
        ),
      );
    },
  },
  'close.printSignatures': {
    access: 'documents.print',
    run: (ctx, input) =>
      printSignatureSheet(
        closeBoard(ctx.mirror, input.closeId),
        {
          language: input.language,
          teacherId: input.teacherId,
          outstandingOnly: input.outstandingOnly,
          schoolName: schoolNameIn(ctx.mirror, input.language),
          deputyName: ctx.actor.name,
          createdAt: ctx.clock().toISOString(),
          subjectNames: subjectNamesIn(ctx.mirror, input.language),
        },
        path.join(ctx.dataDir, 'trackers'),
      ),
  },
  'close.backup': {
    access: 'backup.create',
    async run(ctx, input) {
      // The backup checks it again itself; checked here too so the form hears at once, not from a failed job.
      await assertSchoolPassphrase(ctx.mirror, input.passphrase);
      return ctx.jobs.startTask('close.backup', ctx.actor, async (scope) =>
        closeBackupView(
          await backupForClose(
            ctx.mirror,
            {
              closeId: input.closeId,
              targetDir: input.targetDir,
              passphrase: input.passphrase,
              documentsDir: path.join(ctx.dataDir, 'copies'),
              signal: scope.signal,
              onProgress: (p) => {
                scope.progress(backupFraction(p), p.phase);
              },
              ...(input.mediumLabel ? { mediumLabel: input.mediumLabel } : {}),
            },
            ctx.actor,
            ctx.clock,
          ),
        ),
      );
    },
  },
  'close.sign': {
    access: 'close.sign',
    run(ctx, input) {
      recordSubjectSignature(ctx.mirror, input, ctx.actor, ctx.clock);
      return closeBoard(ctx.mirror, input.closeId);
    },
  },
  'close.certify': {
    access: 'close.certify',
    run(ctx, input) {
      recordTitleCertification(ctx.mirror, input, ctx.actor, ctx.clock);
      return closeBoard(ctx.mirror, input.closeId);
    },
  },
  'close.handover': {
    access: 'close.handover',
    run(ctx, input) {
      recordHandover(ctx.mirror, input, ctx.actor, ctx.clock);
      return closeBoard(ctx.mirror, input.closeId);
    },
  },
  'close.receive': {
    access: 'close.receive',
    run(ctx, input) {
      confirmReceipt(ctx.mirror, input, ctx.actor, ctx.clock);
      return closeBoard(ctx.mirror, input.closeId);
    },
  },
  'close.directorSign': {
    access: 'close.directorSign',
    run(ctx, input) {
      recordDirectorSignature(ctx.mirror, input.closeId, ctx.actor, ctx.clock);
      return closeBoard(ctx.mirror, input.closeId);
    },
  },
  'close.stamp': {
    access: 'close.stamp',
    run(ctx, input) {
      recordStamp(ctx.mirror, input.closeId, ctx.actor, ctx.clock);
      return closeBoard(ctx.mirror, input.closeId);
    },
  },
  'close.complete': {
    // Completing forms the folder, which the matrix gives to the secretary alone.
    access: 'close.formFolder',
    run(ctx, input) {
      completeClose(ctx.mirror, input.closeId, ctx.actor, ctx.clock);
      return closeBoard(ctx.mirror, input.closeId);
    },
  },
} as const satisfies {
  [
    N in
      | 'close.overview'
      | 'close.start'
      | 'close.cancel'
      | 'close.board'
      | 'close.check'
      | 'close.confirm'
      | 'close.override'
      | 'close.print'
      | 'close.printSignatures'
      | 'close.backup'
      | 'close.sign'
      | 'close.certify'
      | 'close.handover'
      | 'close.receive'
      | 'close.directorSign'
      | 'close.stamp'
      | 'close.complete'
  ]: Handler<N>;
};
