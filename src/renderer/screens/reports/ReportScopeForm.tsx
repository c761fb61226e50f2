import { Group, NumberInput, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportCatalog } from '../../../shared/views';
import { currentLanguage } from '../../i18n';
import { DateField } from '../../components/DateField';
import { isPeriodRef, type ReportDefinitionView, type ReportScopeState } from './report-scope';

/** The filters one report reads: the period or a date range, then class, teacher and subject. */
export function ReportScopeForm({
  catalog,
  definition,
  scope,
  onChange,
}: {
  catalog: ReportCatalog;
  definition: ReportDefinitionView;
  scope: ReportScopeState;
  onChange: (scope: ReportScopeState) => void;
}) {
  const { t } = useTranslation();
  const reads = (name: string) => definition.parameters.includes(name);
  const byRange = scope.mode === 'range' && reads('range') && !definition.periodOnly;
  const periodLabel = (ref: string) => {
    if (ref === 'year') return t('periods.year');
    if (ref.startsWith('h')) return t('periods.half_year', { number: ref.slice(1) });
    return t('periods.quarter', { number: ref });
  };
  const all = { value: '', label: t('reports.all') };
  const choice = (value: string | null) => (value === null || value === '' ? null : value);
  return (
    <Stack gap="sm">
      {reads('range') && !definition.periodOnly && (
        <SegmentedControl
          value={scope.mode}
          onChange={(value) => {
            onChange({ ...scope, mode: value === 'range' ? 'range' : 'period' });
          }}
          data={[
            { value: 'period', label: t('reports.byPeriod') },
            { value: 'range', label: t('reports.byRange') },
          ]}
        />
      )}
      {definition.periodOnly && (
        <Text size="xs" c="dimmed">
          {t('reports.periodOnly')}
        </Text>
      )}
      <Group align="flex-end" gap="sm">
        {byRange ? (
          <>
            <DateField
              label={t('reports.from')}
              value={scope.from}
              onChange={(from) => {
                onChange({ ...scope, from });
              }}
            />
            <DateField
              label={t('reports.to')}
              value={scope.to}
              onChange={(to) => {
                onChange({ ...scope, to });
              }}
            />
          </>
        ) : (
          <Select
            label={t('reports.scope')}
            value={scope.period}
            allowDeselect={false}
            data={catalog.periods.map((p) => ({ value: p.ref, label: periodLabel(p.ref) }))}
            onChange={(value) => {
              if (value !== null && isPeriodRef(value)) onChange({ ...scope, period: value });
            }}
          />
        )}
        {reads('classId') && (
          <Select
            label={t('reports.classId')}
            value={scope.classId ?? ''}
            data={[all, ...catalog.classes.map((c) => ({ value: String(c.id), label: c.name }))]}
            searchable
            onChange={(value) => {
              onChange({ ...scope, classId: choice(value) });
            }}
          />
        )}
        {reads('teacherId') && (
          <Select
            label={t('reports.teacherId')}
            value={scope.teacherId ?? ''}
            data={[all, ...catalog.teachers.map((p) => ({ value: String(p.id), label: p.name }))]}
            searchable
            onChange={(value) => {
              onChange({ ...scope, teacherId: choice(value) });
            }}
          />
        )}
        {reads('subjectId') && (
          <Select
            label={t('reports.subjectId')}
            value={scope.subjectId ?? ''}
            data={[
              all,
              ...catalog.subjects.map((s) => ({
                value: String(s.id),
                label: currentLanguage() === 'ru' ? s.nameRu : s.nameKy,
              })),
            ]}
            searchable
            onChange={(value) => {
              onChange({ ...scope, subjectId: choice(value) });
            }}
          />
        )}
        {reads('asOf') && (
          <DateField
            label={t('reports.asOf')}
            description={t('reports.asOfHint')}
            value={scope.asOf}
            onChange={(asOf) => {
              onChange({ ...scope, asOf });
            }}
          />
        )}
        {reads('unexcusedThreshold') && (
          <NumberInput
            label={t('reports.unexcusedThreshold')}
            min={1}
            max={500}
            w={200}
            placeholder={String(catalog.defaults.unexcusedThreshold)}
            value={scope.unexcusedThreshold ?? ''}
            onChange={(value) => {
              onChange({ ...scope, unexcusedThreshold: typeof value === 'number' ? value : null });
            }}
          />
        )}
        {reads('minMarks') && (
          <NumberInput
            label={t('reports.minMarks')}
            min={1}
            max={50}
            w={200}
            placeholder={String(catalog.defaults.minMarks)}
            value={scope.minMarks ?? ''}
            onChange={(value) => {
              onChange({ ...scope, minMarks: typeof value === 'number' ? value : null });
            }}
          />
        )}
      </Group>
    </Stack>
  );
}
