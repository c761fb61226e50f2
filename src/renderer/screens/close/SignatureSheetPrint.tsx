import { Alert, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CloseSheetView, DocumentLanguage } from '../../../shared/views';
import { call } from '../../api/client';
import { DocumentLanguagePicker, EDITIONS } from '../../components/DocumentLanguagePicker';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PrintPdfButton } from '../../components/PrintPdfButton';
import { WrittenFiles } from './WrittenFiles';

/** Prints the tracker (PDF and Excel), for the whole school or for the teacher chosen above. */
export function SignatureSheetPrint({ closeId, teacherId }: { closeId: number; teacherId: number | null }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState<DocumentLanguage>('ky');
  const [outstandingOnly, setOutstandingOnly] = useState(true);
  const [busy, setBusy] = useState(false);
  const [sheet, setSheet] = useState<CloseSheetView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const print = async () => {
    setBusy(true);
    try {
      setSheet(await call('close.printSignatures', { closeId, language, teacherId, outstandingOnly }));
      setError(null);
    } catch (caught) {
      setSheet(null);
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs">
      <Group>
        <DocumentLanguagePicker value={language} choices={EDITIONS} onChange={setLanguage} />
        <Checkbox
          label={t('close.outstandingOnly')}
          checked={outstandingOnly}
          onChange={(e) => {
            setOutstandingOnly(e.currentTarget.checked);
          }}
        />
        <Button variant="default" loading={busy} onClick={() => void print()}>
          {teacherId === null ? t('close.printTracker') : t('close.printTeacherTracker')}
        </Button>
      </Group>
      <ErrorAlert error={error} />
      {sheet && (
        <Alert color="teal" data-testid="tracker-printed">
          <Group gap="xs">
            <Text size="sm">{t('close.trackerPrinted', { pages: sheet.pages })}</Text>
            <Text size="sm" c="dimmed">
              {t('close.hash')}:
            </Text>
            <Text size="sm" ff="monospace" data-code>
              {sheet.shortHash}
            </Text>
          </Group>
          <PrintPdfButton pdfPath={sheet.pdfPath} />
          <WrittenFiles folder={sheet.folder} />
        </Alert>
      )}
    </Stack>
  );
}
