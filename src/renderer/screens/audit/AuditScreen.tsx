import { Alert, Button, Group, Loader, Stack, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView, JobView } from '../../../shared/views';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { useCommand } from '../../components/use-command';
import { AuditRow } from './AuditRow';
import { useAuditWords } from './audit-words';

const PAGE = 100;

/** Every recorded change, newest first, in the reader's words and searchable in them; and a check that the hash chain is whole. */
export function AuditScreen() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const { matching } = useAuditWords();
  const query = { limit: PAGE, search, ...matching(search) };
  const { data, error, loading } = useCommand('audit.list', { ...query, beforeId: null });
  const [older, setOlder] = useState<AuditEntryView[]>([]);
  const [job, setJob] = useState<JobView | null>(null);
  const [jobError, setJobError] = useState<unknown>(null);
  const rows = [...(data ?? []), ...older];

  const more = async () => {
    const last = rows.at(-1);
    if (!last) return;
    const page = await call('audit.list', { ...query, beforeId: last.id });
    setOlder((o) => [...o, ...page]);
  };
  const verify = async () => {
    try {
      setJob(await call('audit.verify', {}));
    } catch (caught) {
      setJobError(caught);
    }
  };
  const verification =
    job?.state === 'done'
      ? (job.result as {
          entries: number;
          brokenAt: number | null;
          frozenChanged: { className: string; period: string }[];
        })
      : null;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('audit.title')}</Title>
        <Button variant="default" onClick={() => void verify()} disabled={job?.state === 'running'}>
          {t('audit.verify')}
        </Button>
      </Group>
      <ErrorAlert error={jobError} />
      {job && <JobProgress job={job} onChange={setJob} />}
      {verification && (
        <Alert color={verification.brokenAt === null ? 'teal' : 'red'}>
          {verification.brokenAt === null
            ? t('audit.verifyWhole', { count: verification.entries })
            : t('audit.verifyBroken', { id: verification.brokenAt })}
        </Alert>
      )}
      {verification && verification.frozenChanged.length > 0 && (
        <Alert color="red">
          {t('audit.verifyFrozenChanged', {
            periods: verification.frozenChanged.map((c) => `${c.className} (${c.period})`).join(', '),
          })}
        </Alert>
      )}
      <TextInput
        placeholder={t('common.search')}
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
          setOlder([]);
        }}
      />
      <ErrorAlert error={error} />
      {loading && !data ? (
        <Loader />
      ) : (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.at')}</Table.Th>
              <Table.Th>{t('audit.actor')}</Table.Th>
              <Table.Th>{t('audit.action')}</Table.Th>
              <Table.Th>{t('audit.entity')}</Table.Th>
              <Table.Th>{t('audit.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <AuditRow key={row.id} row={row} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      {rows.length >= PAGE && (
        <Button variant="subtle" onClick={() => void more()}>
          {t('audit.more')}
        </Button>
      )}
    </Stack>
  );
}
