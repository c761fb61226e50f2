import { Button, Container, Group, Paper, Stepper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useCommandForm } from '../components/use-command-form';
import { AdminStep } from './setup/AdminStep';
import { SafetyStep } from './setup/SafetyStep';
import { SchoolStep } from './setup/SchoolStep';
import { emptySetup, setupInput, stepFields, validateSetup } from './setup/setup-form';
import { YearStep } from './setup/YearStep';

/** First run: school, year and quarters, the administrator, the backup passphrase and Kundoluk. */
export function SetupScreen({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState(0);
  const setup = useCommandForm({
    command: 'setup.complete',
    initial: () => emptySetup(new Date()),
    input: setupInput,
    validate: validateSetup,
    onDone,
  });
  const last = stepFields.length - 1;

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
            <SchoolStep setup={setup} />
          </Stepper.Step>
          <Stepper.Step label={t('setup.stepYear')}>
            <YearStep setup={setup} />
          </Stepper.Step>
          <Stepper.Step label={t('setup.stepAdmin')}>
            <AdminStep setup={setup} />
          </Stepper.Step>
          <Stepper.Step label={t('setup.stepSafety')}>
            <SafetyStep setup={setup} />
          </Stepper.Step>
        </Stepper>
        <ErrorAlert error={setup.error} />
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
          {step < last ? (
            <Button
              disabled={setup.invalid(stepFields[step] ?? [])}
              onClick={() => {
                setStep((s) => s + 1);
              }}
            >
              {t('common.next')}
            </Button>
          ) : (
            <Button disabled={setup.invalid()} loading={setup.busy} onClick={() => void setup.submit()}>
              {t('setup.finish')}
            </Button>
          )}
        </Group>
      </Paper>
    </Container>
  );
}
