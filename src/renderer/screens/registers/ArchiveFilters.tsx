import { Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../shared/contract';
import { useCommand } from '../../components/use-command';
import { DateField } from '../../components/DateField';
import { usePeriodName } from '../../components/use-period-name';

export type ArchiveQuery = InputOf<'registers.archive'>;

const STATUSES = ['all', 'incomplete', 'notStitched', 'notStamped', 'notSigned', 'complete'] as const;

/** Search words, register year, period, class, status and the dates received. */
export function ArchiveFilters({
  query,
  years,
  onChange,
}: {
  query: ArchiveQuery;
  years: readonly number[];
  onChange: (query: ArchiveQuery) => void;
}) {
  const { t } = useTranslation();
  const summary = useCommand('dashboard.summary', {});
  const classes = useCommand('journal.classes', {});
  const periodName = usePeriodName();
  const any = { value: '', label: t('registers.any') };
  const id = (value: string | null) => (value ? Number(value) : null);
  return (
    <Group align="flex-end" gap="sm">
      <TextInput
        w={280}
        name="archiveSearch"
        label={t('registers.search')}
        value={query.search}
        onChange={(e) => {
          onChange({ ...query, search: e.currentTarget.value });
        }}
      />
      <Select
        w={120}
        label={t('registers.year')}
        allowDeselect={false}
        data={[any, ...years.map((y) => ({ value: String(y), label: String(y) }))]}
        value={query.year === null ? '' : String(query.year)}
        onChange={(value) => {
          onChange({ ...query, year: id(value) });
        }}
      />
      <Select
        w={160}
        label={t('registers.period')}
        allowDeselect={false}
        data={[
          any,
          ...(summary.data?.periods ?? []).map((p) => ({ value: String(p.id), label: periodName(p) })),
        ]}
        value={query.periodId === null ? '' : String(query.periodId)}
        onChange={(value) => {
          onChange({ ...query, periodId: id(value) });
        }}
      />
      <Select
        w={110}
        label={t('registers.class')}
        allowDeselect={false}
        searchable
        data={[
          any,
          ...(classes.data ?? []).map((c) => ({ value: String(c.id), label: `${c.grade}${c.letter}` })),
        ]}
        value={query.classId === null ? '' : String(query.classId)}
        onChange={(value) => {
          onChange({ ...query, classId: id(value) });
        }}
      />
      <Select
        w={220}
        label={t('registers.status')}
        allowDeselect={false}
        data={STATUSES.map((s) => ({ value: s, label: t(`registers.statuses.${s}`) }))}
        value={query.status}
        onChange={(value) => {
          onChange({ ...query, status: value ?? 'all' });
        }}
      />
      <DateField
        label={t('registers.receivedFrom')}
        value={query.receivedFrom ?? ''}
        onChange={(iso) => {
          onChange({ ...query, receivedFrom: iso || null });
        }}
      />
      <DateField
        label={t('registers.receivedTo')}
        value={query.receivedTo ?? ''}
        onChange={(iso) => {
          onChange({ ...query, receivedTo: iso || null });
        }}
      />
    </Group>
  );
}
