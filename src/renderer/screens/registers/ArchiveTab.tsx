import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveEntryView } from '../../../shared/register-views';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCommand } from '../../components/use-command';
import { ArchiveEditModal } from './ArchiveEditModal';
import { ArchiveFilters, type ArchiveQuery } from './ArchiveFilters';
import { RegisterExport } from './RegisterExport';
import { StitchFolderModal } from './StitchFolderModal';

const NO_FILTER: ArchiveQuery = {
  search: '',
  year: null,
  periodId: null,
  classId: null,
  status: 'all',
  receivedFrom: null,
  receivedTo: null,
};

/** A school's whole archive can hold thousands of lines: the screen shows the first ones, the printout all. */
const SHOWN = 300;

function Mark({ done }: { done: boolean }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" fw={done ? 500 : 400} c={done ? 'teal.8' : 'dimmed'}>
      {done ? t('common.yes') : t('common.no')}
    </Text>
  );
}

/** "2025-11-03" → "03.11.2025", as the register is written on paper. */
function paperDate(iso: string): string {
  return iso.split('-').reverse().join('.');
}

/** The archive register: found by words and filters, kept by the secretary, printed as found. */
export function ArchiveTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState(NO_FILTER);
  // Typing in the search box asks the core once the typing pauses, not on every key.
  const [asked] = useDebouncedValue(query, 250);
  const register = useCommand('registers.archive', asked);
  const [editing, setEditing] = useState<ArchiveEntryView | null>(null);
  const [stitching, setStitching] = useState(false);
  const entries = register.data?.entries ?? [];
  return (
    <Stack>
      <ArchiveFilters query={query} years={register.data?.years ?? []} onChange={setQuery} />
      <ErrorAlert error={register.error} />
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="archive-count">
          {t('registers.lines', { count: entries.length })}
        </Text>
        <Group gap="xs">
          {canEdit && (
            <Button
              variant="light"
              onClick={() => {
                setStitching(true);
              }}
            >
              {t('stitchFolder.open')}
            </Button>
          )}
          <RegisterExport kind="archive" archive={asked} />
        </Group>
      </Group>
      <Table.ScrollContainer minWidth={1000}>
        <Table
          striped
          withTableBorder
          highlightOnHover
          fz="sm"
          verticalSpacing={4}
          data-testid="archive-register"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('registers.columns.number')}</Table.Th>
              <Table.Th>
                {t('registers.columns.class')}, {t('registers.columns.period').toLocaleLowerCase()}
              </Table.Th>
              <Table.Th>{t('registers.columns.document')}</Table.Th>
              <Table.Th>{t('registers.columns.pages')}</Table.Th>
              <Table.Th>{t('registers.columns.receivedOn')}</Table.Th>
              <Table.Th>{t('registers.columns.handedOverBy')}</Table.Th>
              <Table.Th>{t('registers.columns.signed')}</Table.Th>
              <Table.Th>{t('registers.columns.stamped')}</Table.Th>
              <Table.Th>{t('registers.columns.stitched')}</Table.Th>
              <Table.Th>{t('registers.columns.folder')}</Table.Th>
              <Table.Th>{t('registers.columns.place')}</Table.Th>
              <Table.Th>{t('registers.columns.retention')}</Table.Th>
              {canEdit && <Table.Th className="action-column" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.slice(0, SHOWN).map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>
                  {e.number}/{e.year}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{e.classLabel}</Text>
                  <Text size="xs" c="dimmed">
                    {e.periodLabel}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{e.documentTitle}</Text>
                  {e.documentRef && (
                    <Text size="xs" c="dimmed">
                      {e.documentRef}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{e.pages}</Table.Td>
                <Table.Td>{paperDate(e.receivedOn)}</Table.Td>
                <Table.Td>{e.handedOverBy}</Table.Td>
                <Table.Td>
                  <Mark done={e.directorSigned} />
                </Table.Td>
                <Table.Td>
                  <Mark done={e.stamped} />
                </Table.Td>
                <Table.Td>
                  <Mark done={e.stitched} />
                </Table.Td>
                <Table.Td>{e.folderNumber ?? ''}</Table.Td>
                <Table.Td>{e.storagePlace ?? ''}</Table.Td>
                <Table.Td>{e.retentionUntil === null ? '' : paperDate(e.retentionUntil)}</Table.Td>
                {canEdit && (
                  <Table.Td className="action-column">
                    <Button
                      size="xs"
                      variant="light"
                      aria-label={`${t('registers.edit')} ${e.number}/${e.year}`}
                      onClick={() => {
                        setEditing(e);
                      }}
                    >
                      {t('registers.edit')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {register.data && entries.length === 0 && <Text c="dimmed">{t('registers.empty')}</Text>}
      {entries.length > SHOWN && (
        <Text c="dimmed" size="sm">
          {t('registers.moreLines', { shown: SHOWN, total: entries.length })}
        </Text>
      )}
      {stitching && (
        <StitchFolderModal
          folders={register.data?.folders ?? []}
          onClose={() => {
            setStitching(false);
            void register.reload();
          }}
        />
      )}
      {editing && (
        <ArchiveEditModal
          entry={editing}
          onClose={(changed) => {
            setEditing(null);
            if (changed) void register.reload();
          }}
        />
      )}
    </Stack>
  );
}
