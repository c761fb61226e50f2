import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JobView } from '../../../shared/views';
import { CommandError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';

const PLACES = ['file', 'sheet', 'cell', 'row'] as const;

/** A failed job in the reader's language, with where it went wrong: file, sheet, cell, row. */
export function JobErrorAlert({ job }: { job: JobView | null }) {
  const { t } = useTranslation();
  if (job?.state !== 'failed' || job.error === null) return null;
  const details = job.error.details ?? {};
  const where = PLACES.filter((p) => typeof details[p] === 'string' || typeof details[p] === 'number').map(
    (p) => `${t(`sync.${p}`)} ${String(details[p])}`,
  );
  return (
    <Stack gap={4} data-testid="job-error">
      <ErrorAlert error={new CommandError(job.error.code, job.error.message, details)} />
      {where.length > 0 && (
        <Text size="sm" data-testid="job-error-where">
          {t('sync.where')}: {where.join(', ')}
        </Text>
      )}
    </Stack>
  );
}
