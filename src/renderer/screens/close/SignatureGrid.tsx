import { Group, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CloseItemView } from '../../../shared/views';
import { formatShortDate } from '../../i18n';

const MARKS = { done: '✓', open: '○', voided: '↻', overridden: '≈' } as const;
const PENDING_FIRST = { voided: 0, open: 1, overridden: 2, done: 3 } as const;
const COLORS = { done: 'teal.8', open: 'gray.6', voided: 'orange.8', overridden: 'yellow.8' } as const;

function Cell({ item, dimmed }: { item: CloseItemView | undefined; dimmed: boolean }) {
  const { t } = useTranslation();
  if (!item) return <Table.Td />;
  const date = item.status === 'done' && item.signedOn ? ` ${formatShortDate(item.signedOn)}` : '';
  return (
    <Table.Td
      ta="center"
      style={{ opacity: dimmed ? 0.2 : 1, whiteSpace: 'nowrap' }}
      bg={item.status === 'voided' ? 'orange.0' : item.status === 'done' ? 'teal.0' : undefined}
      data-status={item.status}
    >
      <Tooltip label={`${item.teacherName ?? ''} — ${t(`close.item_${item.status}`)}`} withArrow>
        <Text size="sm" c={COLORS[item.status]} fw={item.status === 'open' ? 400 : 600}>
          {MARKS[item.status]}
          {date}
        </Text>
      </Tooltip>
    </Table.Td>
  );
}

/**
 * Days 3 and 4 at a glance: one row per subject (and the title page), one column per class; each
 * cell says whether its pages are signed (and when), still outstanding, or void after a re-print.
 */
export function SignatureGrid({
  items,
  teacherId,
}: {
  items: readonly CloseItemView[];
  teacherId: number | null;
}) {
  const { t } = useTranslation();
  const signatures = items.filter((i) => i.kind === 'subject_signature');
  const titles = items.filter((i) => i.kind === 'title_certification');
  const classes = [...new Set(items.map((i) => i.className ?? ''))].sort((a, b) =>
    a.localeCompare(b, undefined, { numeric: true }),
  );
  const subjects = [...new Set(signatures.map((i) => i.subjectName ?? ''))].sort((a, b) =>
    a.localeCompare(b),
  );
  // Where two teachers each sign their own subgroup, the cell is the chosen teacher's line, or else
  // the line furthest from done: a subject counts as signed only when both have signed.
  const at = (list: readonly CloseItemView[], className: string, subject?: string) => {
    const found = list.filter(
      (i) => i.className === className && (subject === undefined || i.subjectName === subject),
    );
    return (
      found.find((i) => teacherId !== null && i.teacherId === teacherId) ??
      [...found].sort((a, b) => PENDING_FIRST[a.status] - PENDING_FIRST[b.status])[0]
    );
  };
  const dimmed = (item: CloseItemView | undefined) =>
    teacherId !== null && item !== undefined && item.teacherId !== teacherId;

  return (
    <Table.ScrollContainer minWidth={400}>
      <Table withTableBorder withColumnBorders striped stickyHeader data-testid="signature-grid">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('close.subject')}</Table.Th>
            {classes.map((c) => (
              <Table.Th key={c} ta="center">
                {c}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {subjects.map((subject) => (
            <Table.Tr key={subject}>
              <Table.Td>{subject}</Table.Td>
              {classes.map((c) => {
                const item = at(signatures, c, subject);
                return <Cell key={c} item={item} dimmed={dimmed(item)} />;
              })}
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td fw={600}>{t('close.kind_title_certification')}</Table.Td>
            {classes.map((c) => {
              const item = at(titles, c);
              return <Cell key={c} item={item} dimmed={dimmed(item)} />;
            })}
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Group gap="lg" mt={4}>
        {(['done', 'open', 'voided'] as const).map((status) => (
          <Text key={status} size="xs" c={COLORS[status]}>
            {MARKS[status]} {t(`close.legend_${status}`)}
          </Text>
        ))}
      </Group>
    </Table.ScrollContainer>
  );
}
