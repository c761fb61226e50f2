import { Badge, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CloseItemView } from '../../../shared/views';

const COLORS = { open: 'gray', done: 'teal', voided: 'orange', overridden: 'yellow' } as const;

/** One day's items: what, for which class, subject and teacher, its state, and the action that settles it. */
export function CloseItemsTable({
  items,
  action,
}: {
  items: readonly CloseItemView[];
  action?: (item: CloseItemView) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Table striped withTableBorder data-testid="close-items">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('close.class')}</Table.Th>
          <Table.Th>{t('close.subject')}</Table.Th>
          <Table.Th>{t('close.teacher')}</Table.Th>
          <Table.Th />
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.id}>
            <Table.Td>{item.className ?? t(`close.kind_${item.kind}`)}</Table.Td>
            <Table.Td>{item.subjectName ?? ''}</Table.Td>
            <Table.Td>{item.teacherName ?? ''}</Table.Td>
            <Table.Td>
              <Badge color={COLORS[item.status]} variant="light">
                {t(`close.item_${item.status}`)}
              </Badge>
            </Table.Td>
            <Table.Td>{item.status === 'open' || item.status === 'voided' ? action?.(item) : null}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
