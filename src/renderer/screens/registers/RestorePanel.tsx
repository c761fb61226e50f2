import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupCheckView, RestoreResultView } from '../../../shared/register-views';
import type { JobView } from '../../../shared/views';
import { call } from '../../api/client';
import { ConfirmAlert } from '../../components/ConfirmAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { formatDateTime } from '../../i18n';
import { JobErrorAlert } from '../sync/JobErrorAlert';
import { PathField } from './PathField';

/**
 * The IT person's restore: the folder, the passphrase and the reason; the backup is verified first,
 * then restored as a job. Every attempt, failed or not, goes into the register of use.
 */
export function RestorePanel({ onChange }: { onChange: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ backupDir: '', passphrase: '', reason: '', documentsBack: false });
  const [job, setJob] = useState<JobView | null>(null);
  const [checked, setChecked] = useState<BackupCheckView | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const onJob = useCallback(
    (next: JobView) => {
      setJob(next);
      if (next.state === 'running') return;
      onChange();
      if (next.kind === 'restore.verify' && next.state === 'done') setChecked(next.result as BackupCheckView);
    },
    [onChange],
  );
  /** A different folder or passphrase must be verified again before it can be restored. */
  const edit = (change: Partial<typeof form>) => {
    setForm({ ...form, ...change });
    setChecked(null);
    setConfirming(false);
  };
  const start = async (name: 'restore.verify' | 'restore.run') => {
    setError(null);
    setJob(null);
    setConfirming(false);
    try {
      setJob(
        name === 'restore.verify'
          ? await call(name, { backupDir: form.backupDir, passphrase: form.passphrase })
          : await call(name, form),
      );
    } catch (caught) {
      setError(caught);
    }
  };
  const running = job?.state === 'running';
  const restored =
    job?.kind === 'restore.run' && job.state === 'done' ? (job.result as RestoreResultView) : null;
  return (
    <Card withBorder data-testid="restore-panel">
      <Stack>
        <Title order={4}>{t('restore.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('restore.intro')}
        </Text>
        <PathField
          name="backupDir"
          label={t('restore.backupDir')}
          description={t('restore.backupDirHint')}
          value={form.backupDir}
          onChange={(backupDir) => {
            edit({ backupDir });
          }}
          open="folder"
        />
        <PasswordInput
          label={t('restore.passphrase')}
          value={form.passphrase}
          onChange={(e) => {
            edit({ passphrase: e.currentTarget.value });
          }}
        />
        <TextInput
          label={t('restore.reason')}
          value={form.reason}
          onChange={(e) => {
            // The reason is not part of what was verified: changing it keeps the verification.
            setForm({ ...form, reason: e.currentTarget.value });
          }}
        />
        <Checkbox
          label={t('restore.documentsBack')}
          checked={form.documentsBack}
          onChange={(e) => {
            // Where the copies go is not part of what was verified: changing it keeps the verification.
            setForm({ ...form, documentsBack: e.currentTarget.checked });
          }}
        />
        <Group>
          <Button
            variant="default"
            disabled={running || form.backupDir === '' || form.passphrase === ''}
            onClick={() => void start('restore.verify')}
          >
            {t('restore.verify')}
          </Button>
          <Button
            color="red"
            disabled={running || checked === null || form.reason.trim().length < 5}
            onClick={() => {
              setConfirming(true);
            }}
          >
            {t('restore.run')}
          </Button>
        </Group>
        {checked && !restored && (
          <Alert color="teal" data-testid="restore-verified">
            {t('restore.verified', { date: formatDateTime(checked.createdAt), files: checked.files })}
          </Alert>
        )}
        {confirming && (
          <ConfirmAlert
            message={t('restore.confirm')}
            confirmLabel={t('restore.run')}
            keepLabel={t('common.cancel')}
            onConfirm={() => void start('restore.run')}
            onKeep={() => {
              setConfirming(false);
            }}
          />
        )}
        <ErrorAlert error={error} />
        {job && <JobProgress job={job} onChange={onJob} />}
        <JobErrorAlert job={job} />
        {restored && (
          <Alert color="teal" data-testid="restore-done">
            <Text size="sm">{t('restore.done', { path: restored.preRestorePath ?? '' })}</Text>
            <Text size="sm">{t('restore.carried', { count: restored.registerRowsCarried })}</Text>
            {form.documentsBack && (
              <Text size="sm">
                {t('restore.documentsRestored', {
                  written: restored.documentsWritten,
                  kept: restored.documentsKept,
                })}
              </Text>
            )}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
