import { Grid, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportView } from '../../../shared/views';
import { formatDate, formatDateTime } from '../../i18n';
import { localized } from './localized';
import { ActivityGrid } from './ActivityGrid';
import { HORIZONTAL_FROM, ReportChartView } from './ReportChartView';
import { ReportTableView } from './ReportTableView';

/** A built report: what it covers, its charts, its tables, and how its figures were counted. */
export function ReportResultView({ report }: { report: ReportView }) {
  const { t } = useTranslation();
  const activity = report.name === 'weekly-activity' ? report.tables.days : undefined;
  const charts = report.charts.flatMap((chart) => {
    const table = report.tables[chart.tableId];
    return table && table.rows.length > 0 ? [{ chart, table }] : [];
  });
  return (
    <Stack data-testid="report-result">
      <div>
        <Title order={3}>{localized(report.title)}</Title>
        <Text c="dimmed" size="sm">
          {t('reports.scopeLine', {
            year: report.scope.academicYear,
            label: localized(report.scope.label),
            from: formatDate(report.scope.from),
            to: formatDate(report.scope.to),
          })}
          {' · '}
          {t('reports.generatedAt', { at: formatDateTime(report.generatedAt) })}
        </Text>
      </div>
      {charts.length > 0 && (
        <Grid>
          {charts.map(({ chart, table }) => (
            // A chart of many classes or teachers lies on its side and needs the whole width.
            <Grid.Col key={chart.id} span={{ base: 12, lg: table.rows.length >= HORIZONTAL_FROM ? 12 : 6 }}>
              <ReportChartView chart={chart} table={table} />
            </Grid.Col>
          ))}
        </Grid>
      )}
      {activity && <ActivityGrid days={activity} />}
      {Object.values(report.tables).map((table) => (
        <ReportTableView key={table.id} table={table} />
      ))}
      {report.notes.length > 0 && (
        <div>
          <Title order={6}>{t('reports.notes')}</Title>
          <List size="sm" c="dimmed">
            {report.notes.map((note, index) => (
              <List.Item key={index}>{localized(note)}</List.Item>
            ))}
          </List>
        </div>
      )}
    </Stack>
  );
}
