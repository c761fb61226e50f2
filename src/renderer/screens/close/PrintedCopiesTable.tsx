import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PrintedCopiesView } from '../../../shared/views';
import { PrintPdfButton } from '../../components/PrintPdfButton';
import { PreviewButton } from './PreviewButton';

const COLORS = { printed: 'teal', reprinted: 'orange', unchanged: 'gray' } as const;

/**
 * The copies a print wrote: one line per class with its document id, pages and a short hash of the
 * PDF, and its preview, so the pages are seen before the merged file goes to the print shop.
 */
export function PrintedCopiesTable({ printed }: { printed: PrintedCopiesView }) {
  const { t } = useTranslation();
  return (
    <>
      <Table withTableBorder striped data-testid="printed-copies">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('close.class')}</Table.Th>
            <Table.Th>{t('close.document')}</Table.Th>
            <Table.Th ta="right">{t('close.pages')}</Table.Th>
            <Table.Th>{t('close.hash')}</Table.Th>
            <Table.Th />
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {printed.copies.map((copy) => (
            <Table.Tr key={copy.documentId}>
              <Table.Td fw={600}>{copy.className}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace" data-code>
                  {copy.documentId}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{copy.pages}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace" data-code>
                  {copy.shortHash}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={COLORS[copy.outcome]} variant="light">
                  {t(`close.outcome_${copy.outcome}`)}
                </Badge>
                {copy.voided > 0 && (
                  <Text size="xs" c="orange">
                    {t('close.signaturesVoided', { count: copy.voided })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap="xs" align="flex-start" wrap="nowrap">
                  <PreviewButton
                    documentId={copy.documentId}
                    title={t('close.previewTitle', { className: copy.className })}
                  />
                  <PrintPdfButton pdfPath={copy.pdfPath} />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
