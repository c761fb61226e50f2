import { Alert, Button, Card, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCommandForm, type FieldErrors } from '../../components/use-command-form';

type Passphrases = { current: string; next: string };

function validate({ next }: Passphrases): FieldErrors<'next'> {
  return next.length < 12 ? { next: '' } : {};
}

/** A new backup passphrase, given the current one; the core keeps only a verifier of it. */
export function PassphraseCard() {
  const { t } = useTranslation();
  const passphrases = useCommandForm({
    command: 'settings.changeBackupPassphrase',
    initial: { current: '', next: '' },
    input: (form: Passphrases) => form,
    validate,
    nextForm: () => ({ current: '', next: '' }),
  });
  const { form, edit } = passphrases;
  return (
    <Card withBorder>
      <Stack>
        <Title order={4}>{t('settingsMore.changePassphrase')}</Title>
        <Text size="sm" c="dimmed">
          {t('settingsMore.passphraseHint')}
        </Text>
        <Group align="flex-end">
          <PasswordInput
            label={t('settingsMore.currentPassphrase')}
            value={form.current}
            onChange={(e) => {
              edit({ ...form, current: e.currentTarget.value });
            }}
          />
          <PasswordInput
            label={t('settingsMore.newPassphrase')}
            value={form.next}
            onChange={(e) => {
              edit({ ...form, next: e.currentTarget.value });
            }}
          />
          <Button
            disabled={passphrases.invalid()}
            loading={passphrases.busy}
            onClick={() => void passphrases.submit()}
          >
            {t('common.save')}
          </Button>
        </Group>
        <ErrorAlert error={passphrases.error} />
        {passphrases.done && <Alert color="teal">{t('settingsMore.passphraseChanged')}</Alert>}
      </Stack>
    </Card>
  );
}
