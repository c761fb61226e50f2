import { Card, Checkbox, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageRowView, CoverageView } from '../../../shared/coverage-view';
import { currentLanguage, formatDate } from '../../i18n';

const behind = (row: CoverageRowView, through: string | null) =>
  row.syncedThrough === null || (through !== null && row.syncedThrough < through);

/**
 * The school year's classes × subjects: the last day any source brought each, and which Kundoluk
 * account or file brought it; what no source covers is named, to be filled from a workbook.
 */
export function CoverageTable({ coverage }: { coverage: CoverageView }) {
  const { t } = useTranslation();
  const [onlyBehind, setOnlyBehind] = useState(false);
  const through = coverage.reachedThrough;
  const rows = onlyBehind ? coverage.rows.filter((r) => behind(r, through)) : coverage.rows;
  const subject = (r: CoverageRowView) => (currentLanguage() === 'ru' ? r.subjectRu : r.subjectKy);
  return (
    <Card withBorder data-testid="coverage">
      <Stack>
        <Title order={4}>{t('coverage.title')}</Title>
        {coverage.rows.length === 0 ? (
          <Text c="dimmed">{t('coverage.empty')}</Text>
        ) : (
          <>
            <Text size="sm" data-testid="coverage-summary">
              {t('coverage.summary', {
                total: coverage.rows.length,
                behind: coverage.rows.filter((r) => behind(r, through)).length,
                none: coverage.rows.filter((r) => r.syncedThrough === null).length,
                through: through === null ? '—' : formatDate(through),
              })}
            </Text>
            <Checkbox
              label={t('coverage.onlyBehind')}
              checked={onlyBehind}
              onChange={(e) => {
                setOnlyBehind(e.currentTarget.checked);
              }}
            />
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('coverage.className')}</Table.Th>
                  <Table.Th>{t('coverage.subject')}</Table.Th>
                  <Table.Th>{t('coverage.through')}</Table.Th>
                  <Table.Th>{t('coverage.by')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={`${r.classId}:${r.subjectId}`} data-testid="coverage-row">
                    <Table.Td>{r.className}</Table.Td>
                    <Table.Td>{subject(r)}</Table.Td>
                    <Table.Td>
                      {r.syncedThrough === null ? (
                        '—'
                      ) : (
                        <Text size="sm" c={behind(r, through) ? 'orange' : undefined}>
                          {formatDate(r.syncedThrough)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {r.sources.length === 0 ? (
                        <Text size="sm" c="red">
                          {t('coverage.uncovered')}
                        </Text>
                      ) : (
                        r.sources
                          .map((s) => {
                            const kind = t(`coverage.sources.${s.source}`);
                            // A source that stopped earlier than the latest says where it stopped.
                            const day =
                              s.syncedThrough === r.syncedThrough ? '' : `, ${formatDate(s.syncedThrough)}`;
                            return s.account === '' ? `${kind}${day}` : `${s.account} (${kind}${day})`;
                          })
                          .join('; ')
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Card>
  );
}
