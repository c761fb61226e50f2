import { SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { withYearLabel, type SetupFormState, type SetupInput } from './setup-form';

type Quarter = SetupInput['quarters'][number];

/** The school year and its quarters' dates, proposed for the year under way. */
export function YearStep({ setup }: { setup: SetupFormState }) {
  const { t } = useTranslation();
  const { form, edit } = setup;
  const setYear = (patch: Partial<SetupInput['year']>) => {
    edit((f) => ({ ...f, year: { ...f.year, ...patch } }));
  };
  const setQuarter = (index: number, patch: Partial<Quarter>) => {
    edit((f) => ({ ...f, quarters: f.quarters.map((q, i) => (i === index ? { ...q, ...patch } : q)) }));
  };
  return (
    <Stack>
      <SimpleGrid cols={3}>
        <TextInput
          label={t('setup.yearLabel')}
          value={form.year.label}
          onChange={(e) => {
            const label = e.currentTarget.value;
            edit((f) => withYearLabel(f, label));
          }}
        />
        <DateField
          label={t('setup.yearStarts')}
          value={form.year.startsOn}
          required
          onChange={(iso) => {
            setYear({ startsOn: iso });
          }}
        />
        <DateField
          label={t('setup.yearEnds')}
          value={form.year.endsOn}
          required
          onChange={(iso) => {
            setYear({ endsOn: iso });
          }}
        />
      </SimpleGrid>
      {form.quarters.map((quarter, index) => (
        <SimpleGrid cols={2} key={index}>
          <DateField
            label={t('setup.quarterStarts', { number: index + 1 })}
            value={quarter.startsOn}
            required
            onChange={(iso) => {
              setQuarter(index, { startsOn: iso });
            }}
          />
          <DateField
            label={t('setup.quarterEnds', { number: index + 1 })}
            value={quarter.endsOn}
            required
            onChange={(iso) => {
              setQuarter(index, { endsOn: iso });
            }}
          />
        </SimpleGrid>
      ))}
    </Stack>
  );
}
