import { Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openForPrinting } from '../pdf/print-pdf';
import { ErrorAlert } from './ErrorAlert';

/** Opens a PDF the app made so that it can be printed; a refusal is said beside the button. */
export function PrintPdfButton({ pdfPath, size = 'xs' }: { pdfPath: string; size?: 'xs' | 'compact-xs' }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const open = async () => {
    setBusy(true);
    setError(null);
    try {
      await openForPrinting(pdfPath);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={4} align="flex-start">
      <Button size={size} variant="light" loading={busy} onClick={() => void open()}>
        {t('common.openToPrint')}
      </Button>
      <ErrorAlert error={error} />
    </Stack>
  );
}
