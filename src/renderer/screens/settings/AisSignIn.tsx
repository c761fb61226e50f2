import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * Kundoluk's sign-in for teachers goes through the AIS page, opened in the system's browser: the
 * login and password are typed there, never in Мөөр. The address the page returns to carries the
 * AIS tokens, which the core exchanges for Kundoluk's token and keeps in the secret store.
 */
export function AisSignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const [returnedTo, setReturnedTo] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const attempt = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
      setError(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const open = () =>
    attempt(async () => {
      const { address } = await call('kundoluk.aisAddress', {});
      window.open(address, '_blank', 'noopener');
    });
  const signIn = () =>
    attempt(async () => {
      await call('kundoluk.signInAis', { returnedTo });
      setReturnedTo('');
      setDone(true);
      onSignedIn();
    });

  return (
    <Stack data-testid="kundoluk-ais">
      <Title order={5}>{t('kundolukAis.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('kundolukAis.hint')}
      </Text>
      <Group>
        <Button variant="default" disabled={busy} onClick={() => void open()}>
          {t('kundolukAis.open')}
        </Button>
      </Group>
      <TextInput
        name="returnedTo"
        label={t('kundolukAis.returnedTo')}
        value={returnedTo}
        onChange={(e) => {
          setReturnedTo(e.currentTarget.value);
          setDone(false);
        }}
      />
      <ErrorAlert error={error} />
      {done && <Alert color="teal">{t('kundolukAis.done')}</Alert>}
      <Group>
        <Button disabled={busy || returnedTo.trim() === ''} onClick={() => void signIn()}>
          {t('kundolukAis.signIn')}
        </Button>
      </Group>
    </Stack>
  );
}
