import { Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportTableView } from '../../../shared/views';
import { formatFigure, numericDate } from './localized';

/**
 * Weekly activity as a teacher × day grid: each cell the entries a teacher made that day, shaded
 * by how many, so the days a teacher entered nothing show at a glance.
 */
export function ActivityGrid({ days }: { days: ReportTableView }) {
  const { t } = useTranslation();
  const dates = [...new Set(days.rows.map((row) => String(row.date)))].sort();
  const teachers = [...new Set(days.rows.map((row) => String(row.teacher)))];
  const totals = new Map(
    days.rows.map((row) => [`${String(row.teacher)}|${String(row.date)}`, Number(row.total)]),
  );
  const most = Math.max(1, ...totals.values());
  if (dates.length === 0) return null;
  return (
    <div data-testid="activity-grid">
      <Title order={5} mb="xs">
        {t('reports.activityGrid')}
      </Title>
      {/* Only sideways: the page itself scrolls down, so a long table is read with one scroll bar. */}
      <Table.ScrollContainer minWidth={0} type="native">
        <Table withTableBorder withColumnBorders fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.teacherId')}</Table.Th>
              {dates.map((date) => (
                <Table.Th key={date} ta="center">
                  {numericDate(date).slice(0, 5)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {teachers.map((teacher) => (
              <Table.Tr key={teacher}>
                <Table.Td>{teacher}</Table.Td>
                {dates.map((date) => {
                  const total = totals.get(`${teacher}|${date}`) ?? 0;
                  // Shade from white to teal: the busiest day of the week is the darkest cell.
                  const alpha = total === 0 ? 0 : 0.15 + 0.6 * (total / most);
                  return (
                    <Table.Td
                      key={date}
                      ta="center"
                      style={{ background: `rgba(18, 184, 134, ${alpha.toFixed(2)})` }}
                    >
                      {total === 0 ? (
                        <Text c="dimmed" size="sm">
                          0
                        </Text>
                      ) : (
                        formatFigure(total, 0)
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}
