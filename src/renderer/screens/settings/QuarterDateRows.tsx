import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';

export type QuarterDates = { startsOn: string; endsOn: string };

/** The four quarters of a school year as rows of start and end dates to edit. */
export function QuarterDateRows({
  quarters,
  onChange,
}: {
  quarters: readonly QuarterDates[];
  onChange: (index: number, change: Partial<QuarterDates>) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {quarters.map((q, index) => (
        <Group key={index} align="flex-end">
          <Text w={110} fw={500}>
            {t('schoolYear.quarter', { number: index + 1 })}
          </Text>
          <DateField
            label={t('schoolYear.startsOn')}
            value={q.startsOn}
            onChange={(iso) => {
              onChange(index, { startsOn: iso });
            }}
          />
          <DateField
            label={t('schoolYear.endsOn')}
            value={q.endsOn}
            onChange={(iso) => {
              onChange(index, { endsOn: iso });
            }}
          />
        </Group>
      ))}
    </Stack>
  );
}
