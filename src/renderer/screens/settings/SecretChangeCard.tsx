import { Alert, Button, Card, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCommandForm, type FieldErrors } from '../../components/use-command-form';

type SecretChange = { current: string; next: string };

/** The words of one card; the keys are the catalog's, so each language has them. */
export interface SecretChangeWords {
  title: ParseKeys;
  hint?: ParseKeys;
  current: ParseKeys;
  next: ParseKeys;
  changed: ParseKeys;
}

/**
 * A secret replaced by a new one, given the current one: a person's own password and the school's
 * backup passphrase are changed with the same card. `minLength` mirrors the core's rule so the
 * button waits until the new one could be accepted; the core still decides.
 */
export function SecretChangeCard({
  command,
  minLength,
  words,
}: {
  command: 'auth.changePassword' | 'settings.changeBackupPassphrase';
  minLength: number;
  words: SecretChangeWords;
}) {
  const { t } = useTranslation();
  const change = useCommandForm({
    command,
    initial: { current: '', next: '' },
    input: (form: SecretChange) => form,
    validate: ({ current, next }: SecretChange): FieldErrors<keyof SecretChange> => ({
      ...(current === '' && { current: '' }),
      ...(next.length < minLength && { next: '' }),
    }),
    nextForm: () => ({ current: '', next: '' }),
  });
  const { form, edit } = change;
  return (
    <Card withBorder>
      <Stack>
        <Title order={4}>{t(words.title)}</Title>
        {words.hint && (
          <Text size="sm" c="dimmed">
            {t(words.hint)}
          </Text>
        )}
        <Group align="flex-end">
          <PasswordInput
            label={t(words.current)}
            value={form.current}
            onChange={(e) => {
              edit({ ...form, current: e.currentTarget.value });
            }}
          />
          <PasswordInput
            label={t(words.next)}
            value={form.next}
            onChange={(e) => {
              edit({ ...form, next: e.currentTarget.value });
            }}
          />
          <Button disabled={change.invalid()} loading={change.busy} onClick={() => void change.submit()}>
            {t('common.save')}
          </Button>
        </Group>
        <ErrorAlert error={change.error} />
        {change.done && <Alert color="teal">{t(words.changed)}</Alert>}
      </Stack>
    </Card>
  );
}
