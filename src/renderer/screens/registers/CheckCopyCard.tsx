import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CopyCheckView } from '../../../shared/document-views';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../i18n';

const statusColor: Record<CopyCheckView['status'], string> = {
  current: 'teal',
  superseded: 'orange',
  voided: 'red',
};

/**
 * The code printed on a paper page, typed or scanned: a USB scanner types the QR code's text like
 * a keyboard and ends with Enter, which checks it; the field is then selected, so the next scan
 * replaces it.
 */
export function CheckCopyCard() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [result, setResult] = useState<CopyCheckView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const field = useRef<HTMLInputElement>(null);
  const check = async () => {
    try {
      setResult(await call('documents.check', { code }));
      setError(null);
    } catch (caught) {
      setResult(null);
      setError(caught);
    } finally {
      field.current?.select();
    }
  };
  return (
    <Card withBorder data-testid="check-copy">
      <Stack gap="sm">
        <Title order={4}>{t('checkCopy.title')}</Title>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void check();
          }}
        >
          <Group align="end">
            <TextInput
              ref={field}
              style={{ flex: 1 }}
              label={t('checkCopy.label')}
              description={t('checkCopy.hint')}
              value={code}
              autoComplete="off"
              spellCheck={false}
              data-testid="check-copy-code"
              onChange={(event) => {
                setCode(event.currentTarget.value);
              }}
            />
            <Button type="submit" disabled={code.trim() === ''}>
              {t('checkCopy.check')}
            </Button>
          </Group>
        </form>
        <ErrorAlert error={error} />
        {result && <CheckResult result={result} />}
      </Stack>
    </Card>
  );
}

function CheckResult({ result }: { result: CopyCheckView }) {
  const { t } = useTranslation();
  const what = [
    t(`checkCopy.kinds.${result.kind}`),
    result.className === null ? null : t('checkCopy.klass', { name: result.className }),
    result.period === null ? null : t(`periods.${result.period.kind}`, { number: result.period.number }),
    result.academicYear,
    t(`checkCopy.edition.${result.language}`),
  ].filter((part) => part !== null);
  const status =
    result.status === 'superseded'
      ? result.currentId !== null && result.currentId !== result.supersededBy
        ? t('checkCopy.status.supersededChain', { by: result.supersededBy, current: result.currentId })
        : t('checkCopy.status.superseded', { by: result.supersededBy })
      : t(`checkCopy.status.${result.status}`);
  const printedAt = formatDateTime(result.printedAt);
  const archive = result.archive;
  return (
    <Alert color={statusColor[result.status]} title={status} data-testid="check-copy-result">
      <Stack gap={2}>
        <Text size="sm" fw={600}>
          {result.documentId} ·{' '}
          {result.page === null
            ? t('checkCopy.pages', { pages: result.pages })
            : t('checkCopy.page', { page: result.page, pages: result.pages })}
        </Text>
        <Text size="sm">{what.join(', ')}</Text>
        <Text size="sm">
          {result.dataAsOf === null
            ? t('checkCopy.printedNoSync', { at: printedAt })
            : t('checkCopy.printed', { at: printedAt, asOf: formatDateTime(result.dataAsOf) })}
        </Text>
        <Text size="sm" fw={result.changesSincePrint > 0 ? 600 : 400}>
          {result.changesSincePrint > 0
            ? t('checkCopy.changes', { count: result.changesSincePrint })
            : t('checkCopy.noChanges')}
        </Text>
        <Text size="sm">
          {archive === null
            ? t('checkCopy.notFiled')
            : [
                t('checkCopy.archive', { number: archive.number, year: archive.year }),
                archive.folderNumber === null
                  ? t('checkCopy.noFolder')
                  : t('checkCopy.folder', { folder: archive.folderNumber }),
                archive.stitched ? t('checkCopy.stitched') : t('checkCopy.notStitched'),
                archive.storagePlace === null ? null : t('checkCopy.place', { place: archive.storagePlace }),
                archive.retentionUntil === null
                  ? null
                  : t('checkCopy.until', { until: formatDate(archive.retentionUntil) }),
              ]
                .filter((part) => part !== null)
                .join(', ')}
        </Text>
      </Stack>
    </Alert>
  );
}
