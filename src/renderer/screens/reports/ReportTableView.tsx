import { Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportTableView as ReportTable } from '../../../shared/views';
import { formatCell, localized } from './localized';

/** Enough to read on screen; the exported file carries every row. */
const SHOWN_ROWS = 300;

/** One table of a report, with its totals row; a wide one scrolls sideways, a long one with the page (one scroll bar). */
export function ReportTableView({ table }: { table: ReportTable }) {
  const { t } = useTranslation();
  const rows = table.rows.slice(0, SHOWN_ROWS);
  const totals = table.totals;
  const numeric = (format: string) => format !== 'text' && format !== 'date';
  return (
    <div data-testid={`table-${table.id}`}>
      <Title order={5} mb="xs">
        {localized(table.title)}
      </Title>
      {table.rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('reports.noRows')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={0} type="native">
          <Table striped highlightOnHover withTableBorder fz="sm">
            <Table.Thead>
              <Table.Tr>
                {table.columns.map((c) => (
                  <Table.Th key={c.key} ta={numeric(c.format) ? 'right' : 'left'}>
                    {localized(c.header)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, index) => (
                <Table.Tr key={index}>
                  {table.columns.map((c) => (
                    <Table.Td key={c.key} ta={numeric(c.format) ? 'right' : 'left'}>
                      {formatCell(c.format, row[c.key])}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
              {totals && (
                <Table.Tr fw={700} bg="var(--mantine-color-gray-1)">
                  {table.columns.map((c) => (
                    <Table.Td key={c.key} ta={numeric(c.format) ? 'right' : 'left'}>
                      {formatCell(c.format, totals[c.key])}
                    </Table.Td>
                  ))}
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {table.rows.length > SHOWN_ROWS && (
        <Text c="dimmed" size="sm" mt="xs">
          {t('reports.moreRows', { shown: SHOWN_ROWS, total: table.rows.length })}
        </Text>
      )}
    </div>
  );
}
