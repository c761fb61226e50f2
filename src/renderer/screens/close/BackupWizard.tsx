import {
  Alert,
  Button,
  Card,
  Group,
  PasswordInput,
  Stack,
  Stepper,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CloseBackupView, JobView } from '../../../shared/views';
import { api, call, CommandError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { formatSize } from '../../i18n';
import type { BoardUpdates } from './panel-props';

const PHASES = ['snapshot', 'write', 'verify'] as const;
type Phase = (typeof PHASES)[number];
const isPhase = (message: string | null): message is Phase => PHASES.some((p) => p === message);

/**
 * The backup of day 2 as three steps: the drive and its label, the school's passphrase, then the
 * copy written, read back and verified, ending with its number in the backup register. A failed
 * attempt (a full or missing drive) is entered in the register too; the deputy picks another drive.
 */
export function BackupWizard({ board, onBoard }: BoardUpdates) {
  const { t } = useTranslation();
  const [step, setStep] = useState(0);
  const [targetDir, setTargetDir] = useState('');
  const [mediumLabel, setMediumLabel] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [job, setJob] = useState<JobView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const done = job?.state === 'done' ? (job.result as CloseBackupView) : null;

  const start = async () => {
    setError(null);
    try {
      setJob(await call('close.backup', { closeId: board.closeId, targetDir, mediumLabel, passphrase }));
      setStep(2);
    } catch (caught) {
      setError(caught);
    }
  };
  const onJob = (next: JobView) => {
    setJob(next);
    if (next.state === 'done') {
      setPassphrase('');
      setStep(3);
      void call('close.board', { closeId: board.closeId }).then(onBoard, setError);
    }
    if (next.state === 'failed' && next.error) {
      setError(new CommandError(next.error.code, next.error.message, { ...next.error.details }));
    }
  };
  const again = () => {
    setJob(null);
    setError(null);
    setStep(0);
  };

  return (
    <Card withBorder data-testid="backup-wizard">
      <Title order={5} mb="xs">
        {t('close.backupTitle')}
      </Title>
      <Stepper active={step} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('close.backupStepDrive')}>
          <Stack gap="sm">
            <Group align="flex-end">
              <TextInput
                label={t('close.backupDrive')}
                name="targetDir"
                w={360}
                value={targetDir}
                onChange={(e) => {
                  setTargetDir(e.currentTarget.value);
                }}
              />
              {api.chooseOpenPath && (
                <Button
                  variant="default"
                  onClick={() => {
                    void api.chooseOpenPath?.('folder').then((folder) => {
                      if (folder !== null) setTargetDir(folder);
                    });
                  }}
                >
                  {t('close.chooseDrive')}
                </Button>
              )}
              <TextInput
                label={t('close.backupLabel')}
                name="mediumLabel"
                w={300}
                value={mediumLabel}
                onChange={(e) => {
                  setMediumLabel(e.currentTarget.value);
                }}
              />
            </Group>
            <Group>
              <Button
                disabled={targetDir.trim() === ''}
                onClick={() => {
                  setStep(1);
                }}
              >
                {t('close.next')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('close.backupStepPassphrase')}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('close.backupPassphraseHint')}
            </Text>
            <PasswordInput
              label={t('close.backupPassphrase')}
              name="passphrase"
              w={360}
              value={passphrase}
              onChange={(e) => {
                setPassphrase(e.currentTarget.value);
              }}
            />
            <Group>
              <Button
                variant="default"
                onClick={() => {
                  setStep(0);
                }}
              >
                {t('close.back')}
              </Button>
              <Button disabled={passphrase === ''} onClick={() => void start()}>
                {t('close.backup')}
              </Button>
            </Group>
            <ErrorAlert error={error} />
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('close.backupStepWrite')}>
          {job && (
            <Stack gap="sm">
              {job.state === 'running' && isPhase(job.message) && (
                <Text size="sm">{t(`close.backupPhase_${job.message}`)}</Text>
              )}
              <JobProgress job={job} onChange={onJob} />
              {(job.state === 'failed' || job.state === 'cancelled') && (
                <Alert color="orange" data-testid="backup-failed">
                  <ErrorAlert error={error} />
                  <Text size="sm" mt="xs">
                    {t('close.backupFailedRegistered')}
                  </Text>
                  <Button mt="xs" size="xs" variant="light" onClick={again}>
                    {t('close.backupOtherDrive')}
                  </Button>
                </Alert>
              )}
            </Stack>
          )}
        </Stepper.Step>
        <Stepper.Completed>
          {done && (
            <Alert color="teal" data-testid="backup-done">
              <Text fw={600}>
                {t('close.backupRegistered', { number: done.registerNumber, year: done.registerYear })}
              </Text>
              <Text size="sm">{t('close.backupDone')}</Text>
              <Text size="sm">{t('close.backupSize', { size: formatSize(done.bytes) })}</Text>
              <Text size="sm" ff="monospace" data-code>
                {done.backupPath}
              </Text>
              <Group gap="xs">
                <Text size="sm">{t('close.hash')}:</Text>
                <Text size="sm" ff="monospace" data-code>
                  {done.shortHash}
                </Text>
              </Group>
            </Alert>
          )}
        </Stepper.Completed>
      </Stepper>
    </Card>
  );
}
