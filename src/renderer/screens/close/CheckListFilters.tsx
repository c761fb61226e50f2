import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { checkRuleIds } from '../../../shared/check-rules';
import type { CheckListFilter, CheckListItem } from './check-list-filter';

const options = (pairs: readonly (readonly [number, string])[]) =>
  [...new Map(pairs.map(([value, label]) => [String(value), label])).entries()]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label));

/** Day 1's list narrowed by teacher, class, rule and state, so thirty classes can be worked through. */
export function CheckListFilters({
  items,
  filter,
  onChange,
}: {
  items: readonly CheckListItem[];
  filter: CheckListFilter;
  onChange: (filter: CheckListFilter) => void;
}) {
  const { t } = useTranslation();
  const number = (value: string | null) => (value === null ? null : Number(value));
  return (
    <Group data-testid="check-list-filters">
      <Select
        label={t('close.filterTeacher')}
        placeholder={t('close.filterAll')}
        searchable
        clearable
        data={options(items.map((i) => [i.teacherId, i.teacherName] as const))}
        value={filter.teacherId === null ? null : String(filter.teacherId)}
        onChange={(value) => {
          onChange({ ...filter, teacherId: number(value) });
        }}
      />
      <Select
        label={t('close.filterClass')}
        placeholder={t('close.filterAll')}
        searchable
        clearable
        data={options(items.map((i) => [i.classId, i.className] as const))}
        value={filter.classId === null ? null : String(filter.classId)}
        onChange={(value) => {
          onChange({ ...filter, classId: number(value) });
        }}
      />
      <Select
        label={t('close.filterRule')}
        placeholder={t('close.filterAll')}
        clearable
        data={checkRuleIds.map((rule) => ({ value: rule, label: t(`rules.${rule}`) }))}
        value={filter.rule}
        onChange={(value) => {
          onChange({ ...filter, rule: value });
        }}
      />
      <Select
        label={t('close.filterState')}
        placeholder={t('close.filterAll')}
        clearable
        data={[
          { value: 'pending', label: t('close.statePending') },
          { value: 'checked', label: t('close.confirmed') },
        ]}
        value={filter.state}
        onChange={(value) => {
          onChange({ ...filter, state: value });
        }}
      />
    </Group>
  );
}
