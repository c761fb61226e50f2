import { Group, Loader, MultiSelect, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCommand } from '../../components/use-command';
import { formatNumber } from '../../i18n';
import { DateField } from '../../components/DateField';
import { changeKindNames, CORRECTION_KINDS, type ChangeKindName } from './change-kinds';
import { ChangesList } from './ChangesList';

/** More than a deputy reads at once; the filters narrow the rest. */
const LIMIT = 5000;

/**
 * What the mirror saw change in Kundoluk between syncs: corrected, removed and back-dated marks,
 * changed finals; changes to data already printed and certified stand out in red.
 */
export function ChangesScreen() {
  const { t } = useTranslation();
  const [classId, setClassId] = useState<number | null>(null);
  const [kinds, setKinds] = useState<ChangeKindName[]>([...CORRECTION_KINDS]);
  const [since, setSince] = useState('');
  const { data, error, loading } = useCommand('changes.list', {
    classId,
    kinds,
    since: since === '' ? null : since,
    limit: LIMIT,
  });
  const isKind = (value: string): value is ChangeKindName =>
    (changeKindNames as readonly string[]).includes(value);

  return (
    <Stack>
      <Title order={2}>{t('changes.title')}</Title>
      <Text size="sm" c="dimmed" maw={900}>
        {t('changes.intro')}
      </Text>
      <Group align="flex-end">
        <Select
          label={t('changes.classId')}
          value={classId === null ? '' : String(classId)}
          data={[
            { value: '', label: t('changes.all') },
            ...(data?.classes ?? []).map((c) => ({ value: String(c.id), label: c.name })),
          ]}
          onChange={(value) => {
            setClassId(value === null || value === '' ? null : Number(value));
          }}
        />
        <MultiSelect
          label={t('changes.kinds')}
          placeholder={kinds.length === 0 ? t('changes.all') : undefined}
          value={kinds}
          data={changeKindNames.map((kind) => ({
            value: kind,
            label: t(`changes.kind_${kind}` as 'changes.kind_mark_changed'),
          }))}
          onChange={(values) => {
            setKinds(values.filter(isKind));
          }}
          clearable
          miw={320}
          maw={640}
        />
        <DateField label={t('changes.since')} value={since} onChange={setSince} />
      </Group>
      <ErrorAlert error={error} />
      {loading && !data && <Loader />}
      {data && (
        <>
          <Text size="sm" data-testid="changes-count">
            {data.total > data.changes.length
              ? t('changes.shown', {
                  shown: formatNumber(data.changes.length),
                  total: formatNumber(data.total),
                })
              : t('changes.count', { count: data.total })}
          </Text>
          {data.changes.length === 0 ? (
            <Text c="dimmed">{t('changes.none')}</Text>
          ) : (
            <ChangesList changes={data.changes} />
          )}
        </>
      )}
    </Stack>
  );
}
