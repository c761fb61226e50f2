import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JobView } from '../../../shared/views';
import { JobProgress } from '../../components/JobProgress';

/** A print job's progress, naming the class being printed while it runs. */
export function PrintJobProgress({ job, onChange }: { job: JobView; onChange: (job: JobView) => void }) {
  const { t } = useTranslation();
  return (
    <>
      {job.state === 'running' && job.message && (
        <Text size="sm" c="dimmed">
          {t('close.printingClass', { className: job.message })}
        </Text>
      )}
      <JobProgress job={job} onChange={onChange} />
    </>
  );
}
