import { Alert, Button, Card, Group, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CloseBoard, JobView } from '../../../shared/views';
import { call, CommandError } from '../../api/client';
import { JobProgress } from '../../components/JobProgress';
import { CloseItemsTable } from './CloseItemsTable';

/** Day 2: the verified backup on an external drive, and the paper copies of every class. */
export function DayTwoPanel({
  board,
  permissions,
  onBoard,
  onError,
}: {
  board: CloseBoard;
  permissions: readonly string[];
  onBoard: (board: CloseBoard) => void;
  onError: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const [printJob, setPrintJob] = useState<JobView | null>(null);
  const [backupJob, setBackupJob] = useState<JobView | null>(null);
  const [backup, setBackup] = useState({ targetDir: '', mediumLabel: '', passphrase: '' });
  const refreshWhenDone = (job: JobView, set: (job: JobView) => void) => {
    set(job);
    if (job.state === 'done') void call('close.board', { closeId: board.closeId }).then(onBoard, onError);
    if (job.state === 'failed' && job.error) onError(new CommandError(job.error.code, job.error.message));
  };
  const start = async (work: () => Promise<JobView>, set: (job: JobView) => void) => {
    try {
      set(await work());
    } catch (caught) {
      onError(caught);
    }
  };
  const printed =
    printJob?.state === 'done' ? (printJob.result as { copies: unknown[]; pages: number }) : null;

  return (
    <Stack>
      {board.changedSincePrint.length > 0 && (
        <Alert color="orange">
          {t('close.changedSincePrint', {
            classes: board.changedSincePrint.map((c) => c.className).join(', '),
          })}
        </Alert>
      )}
      {permissions.includes('documents.print') && (
        <Card withBorder>
          <Group>
            <Button
              onClick={() =>
                void start(() => call('close.print', { closeId: board.closeId, classIds: null }), setPrintJob)
              }
              disabled={printJob?.state === 'running'}
            >
              {t('close.print')}
            </Button>
          </Group>
          {printJob && (
            <JobProgress
              job={printJob}
              onChange={(job) => {
                refreshWhenDone(job, setPrintJob);
              }}
            />
          )}
          {printed && (
            <Alert mt="sm" color="teal" data-testid="printed">
              {t('close.printed', { count: printed.copies.length, pages: printed.pages })}
            </Alert>
          )}
        </Card>
      )}
      {permissions.includes('backup.create') && (
        <Card withBorder>
          <Title order={5} mb="xs">
            {t('close.backupTitle')}
          </Title>
          <Group align="flex-end">
            <TextInput
              label={t('close.backupDrive')}
              name="targetDir"
              value={backup.targetDir}
              onChange={(e) => {
                setBackup({ ...backup, targetDir: e.currentTarget.value });
              }}
            />
            <TextInput
              label={t('close.backupLabel')}
              name="mediumLabel"
              value={backup.mediumLabel}
              onChange={(e) => {
                setBackup({ ...backup, mediumLabel: e.currentTarget.value });
              }}
            />
            <PasswordInput
              label={t('close.backupPassphrase')}
              name="passphrase"
              value={backup.passphrase}
              onChange={(e) => {
                setBackup({ ...backup, passphrase: e.currentTarget.value });
              }}
            />
            <Button
              disabled={backup.targetDir === '' || backup.passphrase === '' || backupJob?.state === 'running'}
              onClick={() =>
                void start(() => call('close.backup', { closeId: board.closeId, ...backup }), setBackupJob)
              }
            >
              {t('close.backup')}
            </Button>
          </Group>
          {backupJob && (
            <JobProgress
              job={backupJob}
              onChange={(job) => {
                refreshWhenDone(job, setBackupJob);
              }}
            />
          )}
          {backupJob?.state === 'done' && (
            <Alert mt="sm" color="teal" data-testid="backup-done">
              {t('close.backupDone')}
            </Alert>
          )}
        </Card>
      )}
      <CloseItemsTable items={board.items.filter((i) => i.day === 2)} />
    </Stack>
  );
}
