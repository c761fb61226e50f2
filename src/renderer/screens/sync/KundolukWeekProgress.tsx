import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JobView } from '../../../shared/views';
import { formatDate } from '../../i18n';

/** A running Kundoluk sync names the account and the week it has written last. */
export function KundolukWeekProgress({ job }: { job: JobView }) {
  const { t } = useTranslation();
  const detail = job.detail;
  if (job.state !== 'running' || detail === null) return null;
  const { account, week, weeks, from, to } = detail;
  if (typeof from !== 'string' || typeof to !== 'string') return null;
  return (
    <Text size="sm" c="dimmed" data-testid="kundoluk-week">
      {t('kundolukSync.week', { account, week, weeks, from: formatDate(from), to: formatDate(to) })}
    </Text>
  );
}
