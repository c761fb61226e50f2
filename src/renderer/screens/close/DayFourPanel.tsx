import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { formatDate } from '../../i18n';
import type { DayActions } from './panel-props';
import { localToday, SignedOnField, signedOnInput } from './SignedOnField';

const COLORS = { open: 'gray', done: 'teal', voided: 'orange', overridden: 'yellow' } as const;

/** Day 4: each class teacher certifies the title page of their class's copy (signature, date). */
export function DayFourPanel({ board, can, act }: DayActions) {
  const { t } = useTranslation();
  const [signedOn, setSignedOn] = useState(localToday);
  const canCertify = board.status === 'open' && can('close.certify');
  const titles = board.items
    .filter((i) => i.kind === 'title_certification')
    .sort((a, b) => (a.className ?? '').localeCompare(b.className ?? '', undefined, { numeric: true }));
  const signedPages = (classId: number | null) => {
    const pages = board.items.filter((i) => i.kind === 'subject_signature' && i.classId === classId);
    return {
      done: pages.filter((i) => i.status === 'done' || i.status === 'overridden').length,
      all: pages.length,
    };
  };
  return (
    <Stack>
      {canCertify && <SignedOnField value={signedOn} onChange={setSignedOn} />}
      <Table withTableBorder striped data-testid="title-certification">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('close.class')}</Table.Th>
            <Table.Th>{t('close.classTeacher')}</Table.Th>
            <Table.Th>{t('close.pagesSigned')}</Table.Th>
            <Table.Th>{t('close.certifiedOn')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {titles.map((item) => {
            const pages = signedPages(item.classId);
            const pending = item.status === 'open' || item.status === 'voided';
            return (
              <Table.Tr key={item.id}>
                <Table.Td fw={600}>{item.className}</Table.Td>
                <Table.Td>{item.teacherName ?? t('close.noClassTeacher')}</Table.Td>
                <Table.Td>
                  <Text size="sm" c={pages.done === pages.all ? 'teal' : 'orange'}>
                    {pages.done} / {pages.all}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {item.status === 'done' && item.signedOn ? (
                    formatDate(item.signedOn)
                  ) : (
                    <Badge color={COLORS[item.status]} variant="light">
                      {item.status === 'voided' ? t('close.voidedByReprint') : t(`close.item_${item.status}`)}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {pending && canCertify && item.classId !== null && (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => {
                        const classId = item.classId;
                        if (classId === null) return;
                        void act(() =>
                          call('close.certify', {
                            closeId: board.closeId,
                            classId,
                            ...signedOnInput(signedOn),
                          }),
                        );
                      }}
                    >
                      {t('close.certify')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
