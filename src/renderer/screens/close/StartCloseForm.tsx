import { Alert, Button, Group, MultiSelect, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CloseOverview } from '../../../shared/views';

type Period = CloseOverview['periods'][number];

/** The period has no close yet: a deputy starts it over the period's classes, or some of them. */
export function StartCloseForm({
  period,
  canStart,
  onStart,
}: {
  period: Period;
  canStart: boolean;
  onStart: (classIds: number[]) => Promise<void>;
}) {
  const { t } = useTranslation();
  const all = period.classes.map((c) => String(c.id));
  const [chosen, setChosen] = useState<string[]>(all);
  useEffect(() => {
    setChosen(all);
  }, [period.id]);
  return (
    <Alert color="gray">
      <Stack gap="sm">
        <Text>{t('close.notStarted')}</Text>
        {period.classes.length === 0 && <Text size="sm">{t('close.startNoClasses')}</Text>}
        {canStart && period.classes.length > 0 && (
          <Group align="end">
            <MultiSelect
              label={t('close.startClasses')}
              name="classIds"
              data={period.classes.map((c) => ({ value: String(c.id), label: c.name }))}
              value={chosen}
              onChange={setChosen}
              clearable
              searchable
              style={{ flex: 1 }}
            />
            <Button disabled={chosen.length === 0} onClick={() => void onStart(chosen.map(Number))}>
              {t('close.start')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
