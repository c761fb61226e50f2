import { Button, Group, Progress, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobView } from '../../shared/views';
import { call } from '../api/client';
import { formatPercent } from '../i18n';

const POLL_MS = 300;

/** A running job's progress bar with a stop button; polls the core until the job settles. */
export function JobProgress({ job, onChange }: { job: JobView; onChange: (job: JobView) => void }) {
  const { t } = useTranslation();
  useEffect(() => {
    if (job.state !== 'running') return;
    const timer = setTimeout(() => {
      // A failed poll (the mirror briefly closed during a restore) asks again rather than giving up.
      call('jobs.get', { jobId: job.id }).then(onChange, () => {
        onChange({ ...job });
      });
    }, POLL_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [job, onChange]);
  if (job.state === 'done') return null;
  return (
    <Group data-testid="job-progress">
      <Progress value={job.progress * 100} flex={1} animated={job.state === 'running'} />
      <Text size="sm">
        {job.state === 'running'
          ? t('jobs.running', { percent: formatPercent(job.progress) })
          : job.state === 'cancelled'
            ? t('jobs.cancelled')
            : t('jobs.failed')}
      </Text>
      {job.state === 'running' && (
        <Button
          size="xs"
          variant="default"
          onClick={() => {
            call('jobs.cancel', { jobId: job.id }).then(onChange, () => undefined);
          }}
        >
          {t('jobs.cancel')}
        </Button>
      )}
    </Group>
  );
}
