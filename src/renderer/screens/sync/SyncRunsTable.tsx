import { Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SyncRunView } from '../../../shared/register-views';
import { formatDateTime } from '../../i18n';

/** Earlier syncs, newest first: when, from where, who, and what they changed. */
export function SyncRunsTable({ runs }: { runs: readonly SyncRunView[] }) {
  const { t } = useTranslation();
  if (runs.length === 0) return <Text c="dimmed">{t('sync.noRuns')}</Text>;
  return (
    <Table striped withTableBorder data-testid="sync-runs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('sync.runColumns.when')}</Table.Th>
          <Table.Th>{t('sync.runColumns.source')}</Table.Th>
          <Table.Th>{t('sync.runColumns.name')}</Table.Th>
          <Table.Th>{t('sync.runColumns.who')}</Table.Th>
          <Table.Th>{t('sync.runColumns.added')}</Table.Th>
          <Table.Th>{t('sync.runColumns.changed')}</Table.Th>
          <Table.Th>{t('sync.runColumns.removed')}</Table.Th>
          <Table.Th>{t('sync.runColumns.warnings')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {runs.map((run) => (
          <Table.Tr key={run.id}>
            <Table.Td>{formatDateTime(run.finishedAt)}</Table.Td>
            <Table.Td>{t(`sync.sources.${run.source}`)}</Table.Td>
            <Table.Td>{run.name}</Table.Td>
            <Table.Td>{run.actor}</Table.Td>
            <Table.Td>{run.added}</Table.Td>
            <Table.Td>{run.changed}</Table.Td>
            <Table.Td>{run.removed}</Table.Td>
            <Table.Td>
              {run.warnings.length === 0 ? (
                ''
              ) : (
                <Tooltip label={run.warnings.join('\n')} multiline w={400}>
                  <Text size="sm">{run.warnings.length}</Text>
                </Tooltip>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
