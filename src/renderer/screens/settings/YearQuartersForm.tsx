import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SchoolYearView } from '../../../shared/register-views';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCommandForm } from '../../components/use-command-form';
import { formatDate } from '../../i18n';
import { QuarterDateRows, type QuarterDates } from './QuarterDateRows';

function quartersOf(year: SchoolYearView): QuarterDates[] {
  return year.quarters.map((q) => ({ startsOn: q.startsOn, endsOn: q.endsOn }));
}

/** One school year's quarter dates: the admin edits them, everyone else reads them. */
export function YearQuartersForm({
  year,
  canEdit,
  onSaved,
}: {
  year: SchoolYearView;
  canEdit: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const dates = useCommandForm({
    command: 'settings.updateQuarters',
    initial: () => quartersOf(year),
    input: (quarters: QuarterDates[]) => ({ academicYearId: year.id, quarters }),
    onDone: onSaved,
  });
  const { form: quarters, edit, reset } = dates;
  useEffect(() => {
    reset(quartersOf(year));
  }, [year, reset]);
  const set = (index: number, change: Partial<QuarterDates>) => {
    edit(quarters.map((q, i) => (i === index ? { ...q, ...change } : q)));
  };
  return (
    <>
      {canEdit ? (
        <QuarterDateRows quarters={quarters} onChange={set} />
      ) : (
        <Stack gap="xs">
          {quarters.map((q, index) => (
            <Group key={index}>
              <Text w={110} fw={500}>
                {t('schoolYear.quarter', { number: index + 1 })}
              </Text>
              <Text>
                {formatDate(q.startsOn)} – {formatDate(q.endsOn)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      <ErrorAlert error={dates.error} />
      {canEdit && (
        <Group>
          <Button loading={dates.busy} onClick={() => void dates.submit()}>
            {t('common.save')}
          </Button>
          {dates.done && <Alert color="teal">{t('schoolYear.saved')}</Alert>}
        </Group>
      )}
    </>
  );
}
