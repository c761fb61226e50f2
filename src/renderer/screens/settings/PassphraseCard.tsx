import { Alert, Button, Card, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';

/** A new backup passphrase, given the current one; the core keeps only a verifier of it. */
export function PassphraseCard() {
  const { t } = useTranslation();
  const [form, setForm] = useState({ current: '', next: '' });
  const [changed, setChanged] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const change = async () => {
    try {
      await call('settings.changeBackupPassphrase', form);
      setChanged(true);
      setError(null);
      setForm({ current: '', next: '' });
    } catch (caught) {
      setError(caught);
    }
  };
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
              setForm({ ...form, current: e.currentTarget.value });
              setChanged(false);
            }}
          />
          <PasswordInput
            label={t('settingsMore.newPassphrase')}
            value={form.next}
            onChange={(e) => {
              setForm({ ...form, next: e.currentTarget.value });
              setChanged(false);
            }}
          />
          <Button disabled={form.next.length < 12} onClick={() => void change()}>
            {t('common.save')}
          </Button>
        </Group>
        <ErrorAlert error={error} />
        {changed && <Alert color="teal">{t('settingsMore.passphraseChanged')}</Alert>}
      </Stack>
    </Card>
  );
}
