import { Button, Center, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, CommandError } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { LanguageSwitch } from '../components/LanguageSwitch';

/**
 * The first screen of a PC that opens the school's Мөөр over the network: its name, as the host
 * records it with every action, and the pairing code the host shows.
 */
export function PairScreen({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [pcName, setPcName] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (!api.pairWithHost) return;
    setBusy(true);
    const result = await api.pairWithHost(pcName, code);
    setBusy(false);
    if (result.ok) onDone();
    else setError(new CommandError(result.error.code, result.error.message, result.error.details));
  };

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={460}>
        <form onSubmit={(e) => void submit(e)}>
          <Stack>
            <Group justify="space-between" align="flex-start">
              <Title order={2}>{t('app.name')}</Title>
              <LanguageSwitch />
            </Group>
            <Title order={4}>{t('network.pair.title')}</Title>
            <Text size="sm">{t('network.pair.text')}</Text>
            <TextInput
              label={t('network.pair.pcName')}
              description={t('network.pair.pcNameHint')}
              name="pcName"
              autoFocus
              value={pcName}
              onChange={(e) => {
                setPcName(e.currentTarget.value);
              }}
            />
            <TextInput
              label={t('network.pair.code')}
              name="code"
              autoComplete="off"
              value={code}
              onChange={(e) => {
                setCode(e.currentTarget.value);
              }}
            />
            <ErrorAlert error={error} />
            <Button type="submit" loading={busy} disabled={pcName.trim() === '' || code.trim() === ''}>
              {t('network.pair.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
