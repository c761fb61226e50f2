import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { YearSummarySheetView } from '../../../shared/document-views';
import { DateField } from '../../components/DateField';
import { formatDate } from '../../i18n';
import { PreviewButton } from './PreviewButton';
import { localToday } from './SignedOnField';

/**
 * The year's summary sheets in force: per class its document id, pages, short hash and preview,
 * and whether the director signed it (on which date, who). The director records the signature
 * here, on one sheet or on every sheet listed that is not signed yet.
 */
export function YearSummarySheetsTable({
  sheets,
  canSignOff,
  onSignOff,
  canFile,
  onFile,
}: {
  sheets: readonly YearSummarySheetView[];
  canSignOff: boolean;
  onSignOff: (documentIds: string[], signedOn: string) => void;
  /** The secretary receives signed sheets into the archive register. */
  canFile: boolean;
  onFile: (documentIds: string[]) => void;
}) {
  const { t } = useTranslation();
  const [signedOn, setSignedOn] = useState(localToday);
  const unsigned = sheets.filter((s) => s.signedOn === null && !s.draft).map((s) => s.documentId);
  return (
    <>
      {canSignOff && unsigned.length > 0 && (
        <Group align="flex-end">
          <DateField label={t('summary.signedOn')} value={signedOn} onChange={setSignedOn} required />
          <Button
            disabled={signedOn === ''}
            onClick={() => {
              onSignOff(unsigned, signedOn);
            }}
          >
            {t('summary.signOffAll', { count: unsigned.length })}
          </Button>
        </Group>
      )}
      <Table withTableBorder striped data-testid="summary-sheets">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('close.class')}</Table.Th>
            <Table.Th>{t('close.document')}</Table.Th>
            <Table.Th ta="right">{t('close.pages')}</Table.Th>
            <Table.Th>{t('close.hash')}</Table.Th>
            <Table.Th>{t('summary.directorSignature')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sheets.map((sheet) => (
            <Table.Tr key={sheet.documentId} data-document={sheet.documentId}>
              <Table.Td fw={600}>{sheet.className}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace" data-code>
                  {sheet.documentId}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{sheet.pages}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace" data-code>
                  {sheet.shortHash}
                </Text>
              </Table.Td>
              <Table.Td>
                {sheet.draft ? (
                  <Badge color="orange" variant="light" data-testid="summary-draft">
                    {t('summary.draft')}
                  </Badge>
                ) : sheet.signedOn === null ? (
                  <Group gap="xs">
                    <Badge color="gray" variant="light">
                      {t('summary.notSigned')}
                    </Badge>
                    {canSignOff && (
                      <Button
                        size="xs"
                        variant="light"
                        disabled={signedOn === ''}
                        onClick={() => {
                          onSignOff([sheet.documentId], signedOn);
                        }}
                      >
                        {t('summary.signOff')}
                      </Button>
                    )}
                  </Group>
                ) : (
                  <Group gap="xs">
                    <Badge color="teal" variant="light" data-testid="summary-signed">
                      {t('summary.signed', { date: formatDate(sheet.signedOn), name: sheet.signedBy ?? '' })}
                    </Badge>
                    {sheet.filed ? (
                      <Badge color="blue" variant="light">
                        {t('summary.filed')}
                      </Badge>
                    ) : (
                      canFile && (
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => {
                            onFile([sheet.documentId]);
                          }}
                        >
                          {t('summary.file')}
                        </Button>
                      )
                    )}
                  </Group>
                )}
              </Table.Td>
              <Table.Td>
                <PreviewButton
                  documentId={sheet.documentId}
                  title={t('summary.previewTitle', { className: sheet.className })}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
