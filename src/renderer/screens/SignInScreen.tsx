import { Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus, SessionView } from '../../shared/views';
import { call } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { currentLanguage } from '../i18n';

/** Sign-in, and the same form as the lock screen when `locked` names who is signed in. */
export function SignInScreen({
  status,
  locked,
  onDone,
}: {
  status: AppStatus;
  locked?: SessionView;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const schoolName = status.school
    ? currentLanguage() === 'ky'
      ? status.school.nameKy
      : status.school.nameRu
    : '';

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      if (locked) await call('auth.unlock', { password });
      else await call('auth.signIn', { login, password });
      onDone();
    } catch (caught) {
      setError(caught);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  const signOut = async () => {
    await call('auth.signOut', {});
    onDone();
  };

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={420}>
        <form onSubmit={(e) => void submit(e)}>
          <Stack>
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={2}>{t('app.name')}</Title>
                <Text size="sm" c="dimmed">
                  {schoolName}
                </Text>
              </div>
              <LanguageSwitch />
            </Group>
            <Title order={4}>{locked ? t('signIn.lockedTitle') : t('signIn.title')}</Title>
            {locked ? (
              <Text>{t('signIn.lockedText', { name: locked.user.fullName })}</Text>
            ) : (
              <TextInput
                label={t('signIn.login')}
                name="login"
                autoComplete="username"
                autoFocus
                value={login}
                onChange={(e) => {
                  setLogin(e.currentTarget.value);
                }}
              />
            )}
            <PasswordInput
              label={t('signIn.password')}
              name="password"
              autoComplete="current-password"
              autoFocus={Boolean(locked)}
              value={password}
              onChange={(e) => {
                setPassword(e.currentTarget.value);
              }}
            />
            <ErrorAlert error={error} />
            <Button type="submit" loading={busy} disabled={password === '' || (!locked && login === '')}>
              {locked ? t('signIn.unlock') : t('signIn.submit')}
            </Button>
            {locked && (
              <Button variant="subtle" onClick={() => void signOut()}>
                {t('signIn.signOut')}
              </Button>
            )}
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
