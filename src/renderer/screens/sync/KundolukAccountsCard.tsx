import {
  Button,
  Card,
  Checkbox,
  Group,
  List,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KundolukAccountView } from '../../../shared/kundoluk-accounts';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../i18n';

/**
 * The accounts a Kundoluk sync runs through, one after another: the connection's own and those
 * the deputies add (a class teacher's or a teacher's), each with its owner's consent.
 */
export function KundolukAccountsCard({
  accounts,
  onChange,
}: {
  accounts: readonly KundolukAccountView[];
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [token, setToken] = useState('');
  const [consent, setConsent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await action();
      setError(null);
      onChange();
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const add = async () => {
    const added = await run(() =>
      call('kundoluk.addAccount', { accountName: name, accountToken: token, consent: true }),
    );
    if (added) {
      setName('');
      setToken('');
      setConsent(false);
    }
  };

  return (
    <Card withBorder data-testid="kundoluk-accounts">
      <Stack>
        <Title order={4}>{t('kundolukAccounts.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('kundolukAccounts.hint')}
        </Text>
        {accounts.length === 0 ? (
          <Text size="sm">{t('kundolukAccounts.none')}</Text>
        ) : (
          <List size="sm" spacing="xs">
            {accounts.map((a) => (
              <List.Item key={a.id ?? 'own'}>
                <Group gap="xs">
                  <Text size="sm" fw={500}>
                    {a.name}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {a.id === null
                      ? t('kundolukAccounts.own')
                      : t('kundolukAccounts.addedBy', {
                          who: a.consentBy ?? '',
                          at: formatDateTime(a.consentAt ?? ''),
                        })}
                  </Text>
                  {a.id !== null && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      disabled={busy}
                      onClick={() => {
                        const accountId = a.id;
                        if (accountId !== null) void run(() => call('kundoluk.removeAccount', { accountId }));
                      }}
                    >
                      {t('kundolukAccounts.remove')}
                    </Button>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        <ErrorAlert error={error} />
        <Group grow align="flex-start">
          <TextInput
            name="accountName"
            label={t('kundolukAccounts.name')}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
            }}
          />
          <PasswordInput
            name="accountToken"
            label={t('kundolukAccounts.token')}
            value={token}
            onChange={(e) => {
              setToken(e.currentTarget.value);
            }}
          />
        </Group>
        <Checkbox
          name="consent"
          label={t('kundolukAccounts.consent')}
          checked={consent}
          onChange={(e) => {
            setConsent(e.currentTarget.checked);
          }}
        />
        <Group>
          <Button
            disabled={busy || !consent || name.trim() === '' || token.trim() === ''}
            onClick={() => void add()}
          >
            {t('kundolukAccounts.add')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
