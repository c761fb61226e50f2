import { Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupRegistersView } from '../../../shared/register-views';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText } from '../../components/error-text';
import { useCommand } from '../../components/use-command';
import { formatDateTime, formatSize } from '../../i18n';
import { RegisterExport } from './RegisterExport';
import { RestorePanel } from './RestorePanel';

const STATUS_COLORS = { writing: 'dimmed', verified: 'teal.8', failed: 'red.8' } as const;

function BackupsTable({ data }: { data: BackupRegistersView }) {
  const { t, i18n } = useTranslation();
  return (
    <Table striped withTableBorder data-testid="backup-register">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('registers.backupColumns.number')}</Table.Th>
          <Table.Th>{t('registers.backupColumns.startedAt')}</Table.Th>
          <Table.Th>{t('registers.backupColumns.who')}</Table.Th>
          <Table.Th>{t('registers.backupColumns.medium')}</Table.Th>
          <Table.Th>{t('registers.backupColumns.path')}</Table.Th>
          <Table.Th>{t('registers.backupColumns.size')}</Table.Th>
          <Table.Th>{t('registers.backupColumns.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.backups.map((b) => (
          <Table.Tr key={b.id}>
            <Table.Td>
              {b.number}/{b.year}
            </Table.Td>
            <Table.Td>{formatDateTime(b.startedAt)}</Table.Td>
            <Table.Td>{b.actorName}</Table.Td>
            <Table.Td>{b.medium}</Table.Td>
            <Table.Td>
              <Text size="xs">{b.path}</Text>
            </Table.Td>
            <Table.Td>{b.bytes === null ? '' : formatSize(b.bytes)}</Table.Td>
            <Table.Td>
              <Text size="sm" fw={500} c={STATUS_COLORS[b.status]}>
                {t(`registers.backupStatus.${b.status}`)}
              </Text>
              {b.verifiedAt && <Text size="xs">{formatDateTime(b.verifiedAt)}</Text>}
              {b.status === 'failed' && b.failureCode !== null && (
                <Text size="xs" data-testid="backup-failure">
                  {errorText(i18n, b.failureCode, b.failureDetails).text}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function UsesTable({ data }: { data: BackupRegistersView }) {
  const { t } = useTranslation();
  return (
    <Table striped withTableBorder data-testid="backup-uses">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('registers.useColumns.at')}</Table.Th>
          <Table.Th>{t('registers.useColumns.who')}</Table.Th>
          <Table.Th>{t('registers.useColumns.kind')}</Table.Th>
          <Table.Th>{t('registers.useColumns.backup')}</Table.Th>
          <Table.Th>{t('registers.useColumns.reason')}</Table.Th>
          <Table.Th>{t('registers.useColumns.result')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.uses.map((u) => (
          <Table.Tr key={u.id}>
            <Table.Td>{formatDateTime(u.at)}</Table.Td>
            <Table.Td>{u.actorName}</Table.Td>
            <Table.Td>{t(`registers.useKind.${u.kind}`)}</Table.Td>
            <Table.Td>
              <Text size="xs">{u.registerNumber ?? u.path}</Text>
            </Table.Td>
            <Table.Td>{u.reason}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={u.result === 'ok' ? 'teal' : 'red'}>
                {t(`registers.useResult.${u.result}`)}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The register of backup copies and the register of their use; the IT person restores from here. */
export function BackupTab({ canRestore }: { canRestore: boolean }) {
  const { t } = useTranslation();
  const registers = useCommand('registers.backups', { year: null });
  return (
    <Stack>
      <ErrorAlert error={registers.error} />
      <Group justify="space-between">
        <Title order={4}>{t('registers.backupsTitle')}</Title>
        <RegisterExport kind="backup" />
      </Group>
      {registers.data &&
        (registers.data.backups.length === 0 ? (
          <Text c="dimmed">{t('registers.empty')}</Text>
        ) : (
          <BackupsTable data={registers.data} />
        ))}
      <Group justify="space-between">
        <Title order={4}>{t('registers.usesTitle')}</Title>
        <RegisterExport kind="backup-use" />
      </Group>
      {registers.data &&
        (registers.data.uses.length === 0 ? (
          <Text c="dimmed">{t('registers.empty')}</Text>
        ) : (
          <UsesTable data={registers.data} />
        ))}
      {canRestore && <RestorePanel onChange={() => void registers.reload()} />}
    </Stack>
  );
}
