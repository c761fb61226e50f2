import { Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '../../../shared/views';
import { formatDateTime } from '../../i18n';
import { useAuditWords } from './audit-words';

/** A stored record, one field a line, so a long record reads without scrolling sideways. */
function StoredRecord({ label, json }: { label: string; json: string | null }) {
  if (json === null) return null;
  const parsed: unknown = JSON.parse(json);
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Code block>{JSON.stringify(parsed, null, 2)}</Code>
    </Stack>
  );
}

/** One entry of the audit log: when, who, what, on which object; it opens to the record before and after. */
export function AuditRow({ row }: { row: AuditEntryView }) {
  const { t } = useTranslation();
  const { actionName, entityName, actorName } = useAuditWords();
  const [open, setOpen] = useState(false);
  const hasDetails = row.before !== null || row.after !== null;
  return (
    <>
      <Table.Tr>
        <Table.Td>{formatDateTime(row.at)}</Table.Td>
        <Table.Td>{actorName(row.actor)}</Table.Td>
        <Table.Td>{actionName(row.action)}</Table.Td>
        <Table.Td>
          {entityName(row.entity)}
          {row.entityId ? ` ${t('auditLog.number', { id: row.entityId })}` : ''}
        </Table.Td>
        <Table.Td>
          {hasDetails ? (
            <Button
              variant="subtle"
              size="compact-sm"
              aria-expanded={open}
              onClick={() => {
                setOpen((o) => !o);
              }}
            >
              {open ? t('auditLog.close') : t('auditLog.open')}
            </Button>
          ) : (
            <Text size="sm" c="dimmed">
              {t('auditLog.noDetails')}
            </Text>
          )}
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={5}>
            <Stack gap="xs">
              <Text size="xs" c="dimmed">
                {t('auditLog.stored')}
              </Text>
              <Group align="flex-start" grow>
                <StoredRecord label={t('auditLog.before')} json={row.before} />
                <StoredRecord label={t('auditLog.after')} json={row.after} />
              </Group>
            </Stack>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
