import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Card, Text } from '@mantine/core';
import type { ReportChartView as Chart, ReportTableView } from '../../../shared/views';
import { formatFigure, localized } from './localized';

const COLORS = ['teal.6', 'blue.6', 'orange.6', 'red.6', 'grape.6', 'yellow.6'] as const;
/** Past this many categories a chart turns on its side, so every class or teacher keeps a readable label. */
export const HORIZONTAL_FROM = 14;
const BAR_SIZE = 26;

/** One of the report's chart hints drawn from its table (the totals row is not a category). */
export function ReportChartView({ chart, table }: { chart: Chart; table: ReportTableView }) {
  const columns = new Map(table.columns.map((c) => [c.key, c]));
  const formats = chart.seriesKeys.map((key) => columns.get(key)?.format);
  const percent = formats.every((format) => format === 'percent');
  const decimals = percent ? 1 : formats.every((format) => format === 'integer') ? 0 : 2;
  const data = table.rows.map((row) => {
    const point: Record<string, string | number> = { category: String(row[chart.categoryKey] ?? '') };
    // A missing figure (nothing to divide by) is left out, not drawn as zero.
    for (const key of chart.seriesKeys) {
      const value = row[key];
      if (typeof value === 'number') point[key] = value;
    }
    return point;
  });
  const series = chart.seriesKeys.map((key, index) => {
    const column = columns.get(key);
    return {
      name: key,
      label: column ? localized(column.header) : key,
      color: COLORS[index % COLORS.length] ?? 'teal.6',
    };
  });
  const horizontal = data.length >= HORIZONTAL_FROM && chart.kind === 'bar';
  // Side by side, each series needs its own room in a category's band; stacked, one bar does.
  const band = chart.stacked ? BAR_SIZE : Math.max(BAR_SIZE, 8 + 9 * series.length);
  const height = horizontal ? Math.max(260, data.length * band + 80) : 300;
  const common = {
    h: height,
    data,
    dataKey: 'category',
    series,
    withLegend: true,
    legendProps: { verticalAlign: 'bottom' as const },
    valueFormatter: (value: number) =>
      percent ? `${formatFigure(value, decimals)} %` : formatFigure(value, decimals),
  };
  // Every category keeps its label; a percent axis always runs 0–100, so classes compare at a glance.
  const valueAxis = percent ? { domain: [0, 100], tickFormatter: (value: number) => `${value} %` } : {};
  const axes = horizontal
    ? { yAxisProps: { width: 160, interval: 0 }, xAxisProps: valueAxis }
    : { xAxisProps: { interval: 0, padding: { left: 24, right: 24 } }, yAxisProps: valueAxis };
  return (
    <Card withBorder data-testid={`chart-${chart.id}`}>
      <Text fw={600} mb="sm">
        {localized(chart.title)}
      </Text>
      {chart.kind === 'line' ? (
        <LineChart {...common} {...axes} curveType="linear" />
      ) : (
        <BarChart
          {...common}
          type={chart.stacked ? 'stacked' : 'default'}
          orientation={horizontal ? 'vertical' : 'horizontal'}
          {...axes}
        />
      )}
    </Card>
  );
}
