import { Alert, Code, Spoiler, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CommandError } from '../api/client';
import { formatDateTime } from '../i18n';

/**
 * Shows a failed command in the reader's language, chosen by the error's stable code. When the code
 * has no translation, the core's technical message is tucked away for the IT person.
 */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (error === null || error === undefined) return null;
  const code = error instanceof CommandError ? error.code : 'INTERNAL';
  const details = error instanceof CommandError ? (error.details ?? {}) : {};
  const key = `errors.${code}`;
  const lockedUntil = typeof details.lockedUntil === 'string' ? formatDateTime(details.lockedUntil) : '';
  const field = typeof details.field === 'string' ? details.field : '';
  const translated = i18n.exists(key);
  const text = translated
    ? t(key as 'errors.unknown', { code, time: lockedUntil, field })
    : t('errors.unknown', { code });
  return (
    <Alert color="red" variant="light" role="alert" data-error-code={code}>
      <Text size="sm">{text}</Text>
      {/* Only an unforeseen error needs the core's own (technical, English) words, for the IT person. */}
      {(!translated || code === 'INTERNAL') && error instanceof Error && (
        <Spoiler maxHeight={0} showLabel={t('errors.technical')} hideLabel={t('common.close')}>
          <Code block>{error.message}</Code>
        </Spoiler>
      )}
    </Alert>
  );
}
