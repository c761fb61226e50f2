import { Alert, Button, Card, Group, PasswordInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCommandForm, type FieldErrors } from '../../components/use-command-form';

type Passwords = { current: string; next: string };

function validate({ current, next }: Passwords): FieldErrors<keyof Passwords> {
  return { ...(current === '' && { current: '' }), ...(next.length < 8 && { next: '' }) };
}

/** Everyone changes their own password, given the current one. */
export function OwnPasswordCard() {
  const { t } = useTranslation();
  const passwords = useCommandForm({
    command: 'auth.changePassword',
    initial: { current: '', next: '' },
    input: (form: Passwords) => form,
    validate,
    nextForm: () => ({ current: '', next: '' }),
  });
  const { form, edit } = passwords;
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('settings.changePassword')}
      </Title>
      <Group align="flex-end">
        <PasswordInput
          label={t('settings.currentPassword')}
          value={form.current}
          onChange={(e) => {
            edit({ ...form, current: e.currentTarget.value });
          }}
        />
        <PasswordInput
          label={t('settings.newPassword')}
          value={form.next}
          onChange={(e) => {
            edit({ ...form, next: e.currentTarget.value });
          }}
        />
        <Button
          disabled={passwords.invalid()}
          loading={passwords.busy}
          onClick={() => void passwords.submit()}
        >
          {t('common.save')}
        </Button>
      </Group>
      <ErrorAlert error={passwords.error} />
      {passwords.done && (
        <Alert mt="sm" color="teal">
          {t('settings.passwordChanged')}
        </Alert>
      )}
    </Card>
  );
}
