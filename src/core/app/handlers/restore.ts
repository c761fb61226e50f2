import { moveKundolukTokenOutOfMirror } from '../../secrets/token-out-of-mirror';
import type { BackupProgress } from '../../backup/backup-progress';
import type { BackupContents } from '../../backup/read-backup';
import { restoreBackup } from '../../backup/restore-backup';
import { verifyBackup } from '../../backup/verify-backup';
import { may } from '../../auth/permissions';
import { assertRegisteredBackup } from '../../registers/registered-backup';
import { schoolLanguage } from '../../settings/school';
import type { BackupCheckView, RestoreResultView } from '../../../shared/register-views';
import type { Handler } from '../handler';

function checkView(contents: BackupContents): BackupCheckView {
  return {
    backupId: contents.backupId,
    createdAt: contents.createdAt,
    sha256: contents.sha256,
    files: contents.files,
  };
}

/** The register of use is a school document: its words are in the school's document language. */
const CHECK_REASON = {
  ky: 'Калыбына келтирүүдөн мурун текшерүү',
  ru: 'Проверка перед восстановлением',
} as const;

function fraction(progress: BackupProgress): number {
  return progress.total === 0 ? 0 : progress.done / progress.total;
}

/**
 * The IT person's restore: the backup is read back and checked first, then put in place of the
 * mirror. The app's own connection is closed only once the backup proved whole, and opened again
 * on whichever file is the mirror afterwards, restored or untouched.
 */
export const restoreHandlers = {
  'restore.verify': {
    access: 'backup.verify',
    run: (ctx, input) => {
      if (!may(ctx.actor.role, 'backup.restore')) assertRegisteredBackup(ctx.mirror, input.backupDir);
      return ctx.jobs.startTask('restore.verify', ctx.actor, async (scope) =>
        checkView(
          await verifyBackup({
            backupDir: input.backupDir,
            passphrase: input.passphrase,
            actor: ctx.actor,
            clock: ctx.clock,
            mirror: ctx.mirror,
            reason: CHECK_REASON[schoolLanguage(ctx.mirror)],
            signal: scope.signal,
            onProgress: (p) => {
              scope.progress(fraction(p), 'job.restore.verifying');
            },
          }),
        ),
      );
    },
  },
  'restore.run': {
    access: 'backup.restore',
    run: (ctx, input) =>
      ctx.jobs.startTask('restore.run', ctx.actor, async (scope): Promise<RestoreResultView> => {
        try {
          const result = await restoreBackup({
            backupDir: input.backupDir,
            passphrase: input.passphrase,
            reason: input.reason,
            documentsWherePrinted: input.documentsBack === true,
            dbPath: ctx.mirror.path,
            actor: ctx.actor,
            clock: ctx.clock,
            signal: scope.signal,
            onProgress: (p) => {
              scope.progress(fraction(p), 'job.restore.verifying');
            },
            onStep: (step) => {
              // From here on the mirror file is copied and replaced: nothing may write to it meanwhile.
              if (step === 'verified') ctx.mirror.suspend();
            },
          });
          return {
            ...checkView(result.contents),
            preRestorePath: result.preRestorePath,
            registerRowsCarried: result.registerRowsCarried,
            documentsWritten:
              result.contents.documentsWrittenTo === null
                ? 0
                : result.contents.documents.length - result.contents.documentsKept.length,
            documentsKept: result.contents.documentsKept.length,
          };
        } finally {
          ctx.mirror.resume();
          // A backup made by an earlier version may hold the token in its settings.
          moveKundolukTokenOutOfMirror(ctx.mirror, ctx.secrets, ctx.clock());
        }
      }),
  },
} as const satisfies { [N in 'restore.verify' | 'restore.run']: Handler<N> };
