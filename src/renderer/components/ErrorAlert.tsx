import { Alert, Code, Spoiler, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CommandError } from '../api/client';
import { errorText } from './error-text';

/**
 * Shows a failed command in the reader's language, chosen by the error's stable code. When the code
 * has no translation, the core's technical message is tucked away for the IT person.
 */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (error === null || error === undefined) return null;
  const code = error instanceof CommandError ? error.code : 'INTERNAL';
  const details = error instanceof CommandError ? (error.details ?? {}) : {};
  const { text, translated } = errorText(i18n, code, details);
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
