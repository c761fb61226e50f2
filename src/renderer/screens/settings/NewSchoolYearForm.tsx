import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../shared/contract';
import type { SchoolYearView } from '../../../shared/register-views';
import { parseSchoolYearLabel, schoolYearStarting, suggestedSchoolYear } from '../../../shared/school-year';
import { call } from '../../api/client';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
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
  const [form, setForm] = useState<NewYear>(() => proposal(years));
  const [added, setAdded] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const setYear = (change: Partial<NewYear['year']>) => {
    setForm({ ...form, year: { ...form.year, ...change } });
  };
  const setQuarter = (index: number, change: Partial<QuarterDates>) => {
    setForm({ ...form, quarters: form.quarters.map((q, i) => (i === index ? { ...q, ...change } : q)) });
  };
  const submit = async () => {
    setBusy(true);
    try {
      const updated = await call('settings.addSchoolYear', form);
      setError(null);
      setAdded(form.year.label);
      onAdded(updated, form.year.label);
      setForm(proposal(updated));
    } catch (caught) {
      setAdded(null);
      setError(caught);
    } finally {
      setBusy(false);
    }
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
      <ErrorAlert error={error} />
      <Group>
        <Button variant="light" loading={busy} onClick={() => void submit()}>
          {t('schoolYear.add.submit')}
        </Button>
        {added !== null && <Alert color="teal">{t('schoolYear.add.done', { label: added })}</Alert>}
      </Group>
    </Stack>
  );
}
