import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JobView } from '../../../shared/views';
import { formatDate } from '../../i18n';

/** A running Kundoluk sync names the account and the week it has written last. */
export function KundolukWeekProgress({ job }: { job: JobView }) {
  const { t } = useTranslation();
  const detail = job.detail;
  if (job.state !== 'running' || detail === null) return null;
  const { account, week, weeks, from, to, accountNumber, accounts } = detail;
  if (typeof from !== 'string' || typeof to !== 'string') return null;
  const text = t('kundolukSync.week', { account, week, weeks, from: formatDate(from), to: formatDate(to) });
  // With several accounts the deputy also sees how many are still to come.
  const of =
    typeof accounts === 'number' && accounts > 1
      ? `${t('kundolukSync.accountOf', { number: accountNumber, count: accounts })} — `
      : '';
  return (
    <Text size="sm" c="dimmed" data-testid="kundoluk-week">
      {of}
      {text}
    </Text>
  );
}
