import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../shared/contract';
import type { SchoolYearView } from '../../../shared/register-views';
import { parseSchoolYearLabel, schoolYearStarting, suggestedSchoolYear } from '../../../shared/school-year';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCommandForm } from '../../components/use-command-form';
import { QuarterDateRows, type QuarterDates } from './QuarterDateRows';

type NewYear = InputOf<'settings.addSchoolYear'>;

/** The year after the latest one the mirror has (or the one under way), with the usual dates. */
function proposal(years: readonly SchoolYearView[]): NewYear {
  const firsts = years.map((y) => parseSchoolYearLabel(y.label)).filter((first) => first !== null);
  const { label, startsOn, endsOn, quarters } =
    firsts.length > 0 ? schoolYearStarting(Math.max(...firsts) + 1) : suggestedSchoolYear(new Date());
  return { year: { label, startsOn, endsOn }, quarters: quarters.map((q) => ({ ...q })) };
}

/**
 * Adds the next school year (every September, before its lessons are synced): the mirror only
 * takes lessons that fall inside a year it knows.
 */
export function NewSchoolYearForm({
  years,
  onAdded,
}: {
  years: readonly SchoolYearView[];
  onAdded: (years: SchoolYearView[], label: string) => void;
}) {
  const { t } = useTranslation();
  // The label added, shown until the next edit; the form meanwhile proposes the year after it.
  const [added, setAdded] = useState<string | null>(null);
  const newYear = useCommandForm({
    command: 'settings.addSchoolYear',
    initial: () => proposal(years),
    input: (form: NewYear) => form,
    nextForm: (updated) => proposal(updated),
    onDone: (updated, form) => {
      setAdded(form.year.label);
      onAdded(updated, form.year.label);
    },
  });
  const { form, edit } = newYear;
  const setYear = (change: Partial<NewYear['year']>) => {
    edit({ ...form, year: { ...form.year, ...change } });
  };
  const setQuarter = (index: number, change: Partial<QuarterDates>) => {
    edit({ ...form, quarters: form.quarters.map((q, i) => (i === index ? { ...q, ...change } : q)) });
  };
  return (
    <Stack data-testid="new-school-year">
      <Title order={5}>{t('schoolYear.add.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('schoolYear.add.hint')}
      </Text>
      <Group align="flex-end">
        <TextInput
          w={220}
          label={t('schoolYear.add.label')}
          value={form.year.label}
          onChange={(e) => {
            setYear({ label: e.currentTarget.value });
          }}
        />
        <DateField
          label={t('schoolYear.startsOn')}
          value={form.year.startsOn}
          onChange={(iso) => {
            setYear({ startsOn: iso });
          }}
        />
        <DateField
          label={t('schoolYear.endsOn')}
          value={form.year.endsOn}
          onChange={(iso) => {
            setYear({ endsOn: iso });
          }}
        />
      </Group>
      <QuarterDateRows quarters={form.quarters} onChange={setQuarter} />
      <ErrorAlert error={newYear.error} />
      <Group>
        <Button variant="light" loading={newYear.busy} onClick={() => void newYear.submit()}>
          {t('schoolYear.add.submit')}
        </Button>
        {newYear.done && added !== null && (
          <Alert color="teal">{t('schoolYear.add.done', { label: added })}</Alert>
        )}
      </Group>
    </Stack>
  );
}
