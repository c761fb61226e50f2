import { Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCommand } from '../../components/use-command';
import { formatDateTime } from '../../i18n';
import { RegisterExport } from './RegisterExport';

/** The hand-over log of strict reporting documents: who handed what to whom, when. */
export function HandoverTab() {
  const { t } = useTranslation();
  const [query, setQuery] = useState({ from: '', to: '', search: '' });
  const [asked] = useDebouncedValue(query, 250);
  const log = useCommand('registers.handovers', {
    from: asked.from || null,
    to: asked.to || null,
    search: asked.search,
  });
  return (
    <Stack>
      <Group align="flex-end">
        <TextInput
          w={280}
          label={t('registers.search')}
          value={query.search}
          onChange={(e) => {
            setQuery({ ...query, search: e.currentTarget.value });
          }}
        />
        <DateField
          label={t('registers.from')}
          value={query.from}
          onChange={(iso) => {
            setQuery({ ...query, from: iso });
          }}
        />
        <DateField
          label={t('registers.to')}
          value={query.to}
          onChange={(iso) => {
            setQuery({ ...query, to: iso });
          }}
        />
        <RegisterExport kind="handover" />
      </Group>
      <ErrorAlert error={log.error} />
      {log.data && log.data.length === 0 && <Text c="dimmed">{t('registers.empty')}</Text>}
      {log.data && log.data.length > 0 && (
        <Table striped withTableBorder data-testid="handover-log">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('registers.handoverColumns.at')}</Table.Th>
              <Table.Th>{t('registers.handoverColumns.from')}</Table.Th>
              <Table.Th>{t('registers.handoverColumns.to')}</Table.Th>
              <Table.Th>{t('registers.handoverColumns.what')}</Table.Th>
              <Table.Th>{t('registers.handoverColumns.copies')}</Table.Th>
              <Table.Th>{t('registers.handoverColumns.pages')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {log.data.map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td>{formatDateTime(h.at)}</Table.Td>
                <Table.Td>{h.fromName}</Table.Td>
                <Table.Td>{h.toName}</Table.Td>
                <Table.Td>
                  <Text size="sm">{h.description}</Text>
                </Table.Td>
                <Table.Td>{h.copies}</Table.Td>
                <Table.Td>{h.pages ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
