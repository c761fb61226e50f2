import { Box, Button, Center, Group, Loader, Modal, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { openPdf } from '../../pdf/open-pdf';

const ZOOM_STEP = 1.25;
const ZOOM_LIMITS = { smallest: 0.25, largest: 4 } as const;

/**
 * The pages of a printed copy as they will come out of the printer: the recorded PDF itself, drawn
 * one page at a time, fitted to the window's width, with larger and smaller steps from there.
 */
export function PdfPreview({
  documentId,
  title,
  onClose,
}: {
  documentId: string;
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(1);
  // Measured for "fit width": followed as the window is resized.
  const frame = useElementSize<HTMLDivElement>();
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    let open: PDFDocumentProxy | null = null;
    let gone = false;
    call('documents.pdf', { documentId })
      .then((answer) => openPdf(answer.base64))
      .then((opened) => {
        open = opened;
        if (gone) void opened.destroy();
        else setPdf(opened);
      })
      .catch((caught: unknown) => {
        if (!gone) setError(caught);
      });
    return () => {
      gone = true;
      void open?.destroy();
    };
  }, [documentId]);

  useEffect(() => {
    const target = canvas.current;
    const width = Math.floor(frame.width);
    if (!pdf || !target || !width) return;
    let task: RenderTask | null = null;
    let stopped = false;
    void pdf.getPage(page).then((proxy) => {
      if (stopped) return;
      // Zoom 1 is the page as wide as the frame; the canvas holds device pixels so text stays sharp.
      const scale = (zoom * width) / proxy.getViewport({ scale: 1 }).width;
      const viewport = proxy.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      target.width = Math.floor(viewport.width * ratio);
      target.height = Math.floor(viewport.height * ratio);
      target.style.width = `${String(Math.floor(viewport.width))}px`;
      target.style.height = `${String(Math.floor(viewport.height))}px`;
      task = proxy.render({ canvas: target, viewport, transform: [ratio, 0, 0, ratio, 0, 0] });
      task.promise.catch((caught: unknown) => {
        if (!stopped) setError(caught);
      });
    }, setError);
    return () => {
      stopped = true;
      task?.cancel();
    };
  }, [pdf, page, zoom, frame.width]);

  const pages = pdf?.numPages ?? 0;
  return (
    <Modal opened fullScreen title={title} onClose={onClose}>
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Button
            variant="default"
            disabled={page <= 1}
            onClick={() => {
              setPage(page - 1);
            }}
          >
            {t('close.previousPage')}
          </Button>
          <Text fw={600} data-testid="preview-page" aria-live="polite">
            {pages > 0 ? t('close.previewPage', { page, pages }) : t('close.previewLoading')}
          </Text>
          <Button
            variant="default"
            disabled={page >= pages}
            onClick={() => {
              setPage(page + 1);
            }}
          >
            {t('close.nextPage')}
          </Button>
        </Group>
        <Group gap="xs">
          <Button
            variant="default"
            onClick={() => {
              setZoom(Math.max(ZOOM_LIMITS.smallest, zoom / ZOOM_STEP));
            }}
          >
            {t('close.zoomOut')}
          </Button>
          <Button
            variant={zoom === 1 ? 'filled' : 'default'}
            onClick={() => {
              setZoom(1);
            }}
          >
            {t('close.fitWidth')}
          </Button>
          <Button
            variant="default"
            onClick={() => {
              setZoom(Math.min(ZOOM_LIMITS.largest, zoom * ZOOM_STEP));
            }}
          >
            {t('close.zoomIn')}
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={error} />
      <Box bg="gray.2" p="md" style={{ overflow: 'auto' }}>
        {/* The space inside the grey margin, whatever the zoom. */}
        <div ref={frame.ref}>
          {!pdf && !error && (
            <Center py="xl">
              <Loader />
            </Center>
          )}
          <canvas
            ref={canvas}
            data-testid="preview-canvas"
            style={{
              display: 'block',
              margin: '0 auto',
              background: 'white',
              boxShadow: '0 1px 4px rgba(0,0,0,.3)',
            }}
          />
        </div>
      </Box>
    </Modal>
  );
}
