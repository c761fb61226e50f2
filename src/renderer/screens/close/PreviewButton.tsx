import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PdfPreview } from './PdfPreview';

/** A recorded document's "preview" button, and its pages in a window while it is open. */
export function PreviewButton({ documentId, title }: { documentId: string; title: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="xs"
        variant="light"
        onClick={() => {
          setOpen(true);
        }}
      >
        {t('close.preview')}
      </Button>
      {open && (
        <PdfPreview
          documentId={documentId}
          title={title}
          onClose={() => {
            setOpen(false);
          }}
        />
      )}
    </>
  );
}
