import { Alert, Badge, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCommand } from '../../components/use-command';
import { usePeriodName } from '../../components/use-period-name';
import { RegisterExport } from './RegisterExport';

/** The inventory of a quarter, half-year or year folder: what it holds and which classes are missing. */
export function InventoryTab() {
  const { t } = useTranslation();
  const summary = useCommand('dashboard.summary', {});
  const periodName = usePeriodName();
  const [periodId, setPeriodId] = useState<number | null>(null);
  const chosen = periodId ?? summary.data?.currentPeriodId ?? null;
  const inventory = useCommand('registers.inventory', chosen === null ? null : { periodId: chosen });
  const data = inventory.data;
  const mark = (done: boolean) => (
    <Badge size="sm" variant="light" color={done ? 'teal' : 'gray'}>
      {done ? t('common.yes') : t('common.no')}
    </Badge>
  );
  return (
    <Stack>
      <Group align="flex-end" justify="space-between">
        <Select
          w={260}
          label={t('registers.inventoryPeriod')}
          allowDeselect={false}
          data={(summary.data?.periods ?? []).map((p) => ({ value: String(p.id), label: periodName(p) }))}
          value={chosen === null ? null : String(chosen)}
          onChange={(value) => {
            setPeriodId(value ? Number(value) : null);
          }}
        />
        {chosen !== null && <RegisterExport kind="inventory" periodId={chosen} />}
      </Group>
      <ErrorAlert error={summary.error ?? inventory.error} />
      {data && (
        <>
          <Text size="sm">
            {t('registers.inventoryFolders', { folders: data.folderNumbers.join(', ') || '—' })} ·{' '}
            {t('registers.inventoryPages', { pages: data.totalPages })}
          </Text>
          {data.classesMissing.length > 0 ? (
            <Alert color="yellow">
              {t('registers.inventoryMissing', { classes: data.classesMissing.join(', ') })}
            </Alert>
          ) : (
            <Alert color="teal">{t('registers.inventoryComplete')}</Alert>
          )}
          {data.lines.length === 0 && <Text c="dimmed">{t('registers.empty')}</Text>}
          <Table striped withTableBorder data-testid="folder-inventory">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('registers.position')}</Table.Th>
                <Table.Th>{t('registers.columns.number')}</Table.Th>
                <Table.Th>{t('registers.columns.class')}</Table.Th>
                <Table.Th>{t('registers.columns.document')}</Table.Th>
                <Table.Th>{t('registers.columns.pages')}</Table.Th>
                <Table.Th>{t('registers.columns.signed')}</Table.Th>
                <Table.Th>{t('registers.columns.stamped')}</Table.Th>
                <Table.Th>{t('registers.columns.stitched')}</Table.Th>
                <Table.Th>{t('registers.columns.folder')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.lines.map((l) => (
                <Table.Tr key={l.position}>
                  <Table.Td>{l.position}</Table.Td>
                  <Table.Td>{l.registerNumber}</Table.Td>
                  <Table.Td>{l.classLabel}</Table.Td>
                  <Table.Td>{l.documentTitle}</Table.Td>
                  <Table.Td>{l.pages}</Table.Td>
                  <Table.Td>{mark(l.directorSigned)}</Table.Td>
                  <Table.Td>{mark(l.stamped)}</Table.Td>
                  <Table.Td>{mark(l.stitched)}</Table.Td>
                  <Table.Td>{l.folderNumber ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
