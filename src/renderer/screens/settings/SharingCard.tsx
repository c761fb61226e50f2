import { Badge, Button, Card, Code, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SharingView } from '../../../shared/network-views';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCommand } from '../../components/use-command';

/**
 * The admin's switch that shares this Мөөр on the school's network: the address it answers on,
 * the certificate's fingerprint and the pairing code to give the other PCs, who is signed in from
 * which PC (a session can be ended), and the paired PCs (one can be unpaired).
 */
export function SharingCard() {
  const { t } = useTranslation();
  const loaded = useCommand('sharing.status', {});
  const [view, setView] = useState<SharingView | null>(null);
  const [listen, setListen] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const shown = view ?? loaded.data;
  if (!shown?.available) return null;
  const address = listen ?? shown.listen;
  const run = async (step: () => Promise<SharingView>) => {
    try {
      setError(null);
      setView(await step());
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Title order={4}>{t('network.sharing.title')}</Title>
          <Badge color={shown.sharing ? 'teal' : 'gray'}>
            {shown.sharing ? t('network.sharing.on', { url: shown.url ?? '' }) : t('network.sharing.off')}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('network.sharing.text')}
        </Text>
        <Group align="flex-end">
          <TextInput
            label={t('network.sharing.listen')}
            description={t('network.sharing.listenHint')}
            value={address}
            disabled={shown.sharing}
            onChange={(e) => {
              setListen(e.currentTarget.value);
            }}
          />
          {shown.sharing ? (
            <Button color="red" onClick={() => void run(() => call('sharing.stop', {}))}>
              {t('network.sharing.stop')}
            </Button>
          ) : (
            <Button onClick={() => void run(() => call('sharing.start', { listen: address }))}>
              {t('network.sharing.start')}
            </Button>
          )}
        </Group>
        {shown.sharing && (
          <>
            <Text size="sm">
              {t('network.sharing.code')}: <Code fz="lg">{shown.pairingCode}</Code>{' '}
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => void run(() => call('sharing.renewCode', {}))}
              >
                {t('network.sharing.renewCode')}
              </Button>
            </Text>
            <Text size="xs">
              {t('network.sharing.fingerprint')}: <Code>{shown.fingerprint}</Code>
            </Text>
            <Title order={5}>{t('network.sharing.sessions')}</Title>
            {shown.sessions.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('network.sharing.noSessions')}
              </Text>
            ) : (
              <Table>
                <Table.Tbody>
                  {shown.sessions.map((session) => (
                    <Table.Tr key={session.id}>
                      <Table.Td>{session.userName ?? '—'}</Table.Td>
                      <Table.Td>
                        {t('network.sharing.session', {
                          place: session.place,
                          address: session.address,
                          since: new Date(session.since).toLocaleString(),
                        })}
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="compact-sm"
                          variant="default"
                          onClick={() =>
                            void run(() => call('sharing.endSession', { sessionId: session.id }))
                          }
                        >
                          {t('network.sharing.endSession')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Title order={5}>{t('network.sharing.clients')}</Title>
            <Table>
              <Table.Tbody>
                {shown.pcs.map((pc) => (
                  <Table.Tr key={pc.id}>
                    <Table.Td>{pc.name}</Table.Td>
                    <Table.Td>{new Date(pc.pairedAt).toLocaleString()}</Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => void run(() => call('sharing.unpair', { pcId: pc.id }))}
                      >
                        {t('network.sharing.unpair')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
        <ErrorAlert error={error} />
      </Stack>
    </Card>
  );
}
