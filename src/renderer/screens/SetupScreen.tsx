import {
  Button,
  Container,
  Group,
  Paper,
  PasswordInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../shared/contract';
import { suggestedSchoolYear } from '../../shared/school-year';
import { call } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { DateField } from '../components/DateField';
import { changeLanguage, currentLanguage } from '../i18n';

type SetupInput = InputOf<'setup.complete'>;

/** An empty form, but for the school year under way on `today` (its dates are only a proposal). */
function emptyForm(today: Date): SetupInput {
  const { label, startsOn, endsOn, quarters } = suggestedSchoolYear(today);
  return {
    school: { nameKy: '', nameRu: '', addressKy: '', addressRu: '' },
    year: { label, startsOn, endsOn },
    quarters: quarters.map((q) => ({ ...q })),
    defaultLanguage: currentLanguage(),
    documentLanguage: 'ky',
    admin: { login: '', fullName: '', password: '' },
    backupPassphrase: '',
    kundoluk: { mode: 'later', url: null, login: null },
  };
}

/** First run: school, year and quarters, the administrator, the backup passphrase and Kundoluk. */
export function SetupScreen({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState(0);
  const [form, setForm] = useState<SetupInput>(() => emptyForm(new Date()));
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<SetupInput>) => {
    setForm((f) => ({ ...f, ...patch }));
  };
  const school = form.school;
  const stepValid = [
    school.nameKy.trim().length >= 2 && school.nameRu.trim().length >= 2,
    true,
    form.admin.login.trim().length >= 2 &&
      form.admin.fullName.trim().length >= 2 &&
      form.admin.password.length >= 8 &&
      repeat === form.admin.password,
    form.backupPassphrase.length >= 12,
  ];

  const finish = async () => {
    setBusy(true);
    try {
      await call('setup.complete', form);
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Container size="md" py="xl">
      <Group justify="space-between" mb="md">
        <Title order={2}>{t('setup.title')}</Title>
        <LanguageSwitch />
      </Group>
      <Text c="dimmed" mb="lg">
        {t('setup.intro')}
      </Text>
      <Paper withBorder p="lg" radius="md">
        <Stepper active={step} onStepClick={setStep} allowNextStepsSelect={false}>
          <Stepper.Step label={t('setup.stepSchool')}>
            <Stack>
              <TextInput
                label={t('setup.schoolNameKy')}
                required
                value={school.nameKy}
                onChange={(e) => {
                  set({ school: { ...school, nameKy: e.currentTarget.value } });
                }}
              />
              <TextInput
                label={t('setup.schoolNameRu')}
                required
                value={school.nameRu}
                onChange={(e) => {
                  set({ school: { ...school, nameRu: e.currentTarget.value } });
                }}
              />
              <TextInput
                label={t('setup.addressKy')}
                value={school.addressKy}
                onChange={(e) => {
                  set({ school: { ...school, addressKy: e.currentTarget.value } });
                }}
              />
              <TextInput
                label={t('setup.addressRu')}
                value={school.addressRu}
                onChange={(e) => {
                  set({ school: { ...school, addressRu: e.currentTarget.value } });
                }}
              />
              <SimpleGrid cols={2}>
                <Select
                  label={t('setup.uiLanguage')}
                  data={(['ky', 'ru', 'en'] as const).map((l) => ({ value: l, label: t(`languages.${l}`) }))}
                  value={form.defaultLanguage}
                  allowDeselect={false}
                  onChange={(value) => {
                    const language = value ?? 'ky';
                    set({ defaultLanguage: language });
                    void changeLanguage(language);
                  }}
                />
                <Select
                  label={t('setup.documentLanguage')}
                  data={(['ky', 'ru'] as const).map((l) => ({ value: l, label: t(`languages.${l}`) }))}
                  value={form.documentLanguage}
                  allowDeselect={false}
                  onChange={(value) => {
                    set({ documentLanguage: value ?? 'ky' });
                  }}
                />
              </SimpleGrid>
            </Stack>
          </Stepper.Step>
          <Stepper.Step label={t('setup.stepYear')}>
            <Stack>
              <SimpleGrid cols={3}>
                <TextInput
                  label={t('setup.yearLabel')}
                  value={form.year.label}
                  onChange={(e) => {
                    set({ year: { ...form.year, label: e.currentTarget.value } });
                  }}
                />
                <DateField
                  label={t('setup.yearStarts')}
                  value={form.year.startsOn}
                  required
                  onChange={(iso) => {
                    set({ year: { ...form.year, startsOn: iso } });
                  }}
                />
                <DateField
                  label={t('setup.yearEnds')}
                  value={form.year.endsOn}
                  required
                  onChange={(iso) => {
                    set({ year: { ...form.year, endsOn: iso } });
                  }}
                />
              </SimpleGrid>
              {form.quarters.map((quarter, index) => {
                const update = (patch: Partial<typeof quarter>) => {
                  set({ quarters: form.quarters.map((q, i) => (i === index ? { ...q, ...patch } : q)) });
                };
                return (
                  <SimpleGrid cols={2} key={index}>
                    <DateField
                      label={t('setup.quarterStarts', { number: index + 1 })}
                      value={quarter.startsOn}
                      required
                      onChange={(iso) => {
                        update({ startsOn: iso });
                      }}
                    />
                    <DateField
                      label={t('setup.quarterEnds', { number: index + 1 })}
                      value={quarter.endsOn}
                      required
                      onChange={(iso) => {
                        update({ endsOn: iso });
                      }}
                    />
                  </SimpleGrid>
                );
              })}
            </Stack>
          </Stepper.Step>
          <Stepper.Step label={t('setup.stepAdmin')}>
            <Stack>
              <TextInput
                label={t('setup.adminName')}
                required
                value={form.admin.fullName}
                onChange={(e) => {
                  set({ admin: { ...form.admin, fullName: e.currentTarget.value } });
                }}
              />
              <TextInput
                label={t('setup.adminLogin')}
                required
                value={form.admin.login}
                onChange={(e) => {
                  set({ admin: { ...form.admin, login: e.currentTarget.value } });
                }}
              />
              <PasswordInput
                label={t('setup.adminPassword')}
                required
                value={form.admin.password}
                onChange={(e) => {
                  set({ admin: { ...form.admin, password: e.currentTarget.value } });
                }}
              />
              <PasswordInput
                label={t('setup.adminPasswordRepeat')}
                required
                value={repeat}
                error={repeat !== '' && repeat !== form.admin.password ? t('setup.passwordsDiffer') : null}
                onChange={(e) => {
                  setRepeat(e.currentTarget.value);
                }}
              />
            </Stack>
          </Stepper.Step>
          <Stepper.Step label={t('setup.stepSafety')}>
            <Stack>
              <PasswordInput
                label={t('setup.backupPassphrase')}
                description={t('setup.backupPassphraseHint')}
                required
                value={form.backupPassphrase}
                onChange={(e) => {
                  set({ backupPassphrase: e.currentTarget.value });
                }}
              />
              <Text size="sm" fw={500}>
                {t('setup.kundolukMode')}
              </Text>
              <SegmentedControl
                value={form.kundoluk.mode}
                onChange={(value) => {
                  set({ kundoluk: { ...form.kundoluk, mode: value } });
                }}
                data={[
                  { value: 'api', label: t('setup.kundolukApi') },
                  { value: 'file', label: t('setup.kundolukFile') },
                  { value: 'later', label: t('setup.kundolukLater') },
                ]}
              />
              {form.kundoluk.mode === 'api' && (
                <SimpleGrid cols={2}>
                  <TextInput
                    label={t('setup.kundolukUrl')}
                    placeholder="https://kundoluk.edu.gov.kg"
                    value={form.kundoluk.url ?? ''}
                    onChange={(e) => {
                      set({ kundoluk: { ...form.kundoluk, url: e.currentTarget.value || null } });
                    }}
                  />
                  <TextInput
                    label={t('setup.kundolukLogin')}
                    value={form.kundoluk.login ?? ''}
                    onChange={(e) => {
                      set({ kundoluk: { ...form.kundoluk, login: e.currentTarget.value || null } });
                    }}
                  />
                  <PasswordInput
                    label={t('settingsMore.kundolukToken')}
                    description={t('settingsMore.tokenHint')}
                    autoComplete="off"
                    value={form.kundolukToken ?? ''}
                    onChange={(e) => {
                      set({ kundolukToken: e.currentTarget.value.trim() || null });
                    }}
                  />
                </SimpleGrid>
              )}
            </Stack>
          </Stepper.Step>
        </Stepper>
        <ErrorAlert error={error} />
        <Group justify="space-between" mt="xl">
          <Button
            variant="default"
            disabled={step === 0}
            onClick={() => {
              setStep((s) => s - 1);
            }}
          >
            {t('common.back')}
          </Button>
          {step < 3 ? (
            <Button
              disabled={!stepValid[step]}
              onClick={() => {
                setStep((s) => s + 1);
              }}
            >
              {t('common.next')}
            </Button>
          ) : (
            <Button disabled={!stepValid.every(Boolean)} loading={busy} onClick={() => void finish()}>
              {t('setup.finish')}
            </Button>
          )}
        </Group>
      </Paper>
    </Container>
  );
}
