import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkRuleIds } from '../../../shared/check-rules';
import type { CheckListView } from '../../../shared/views';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotices } from '../../components/Notices';
import type { BoardUpdates } from './panel-props';
import { CheckListFilters } from './CheckListFilters';
import { filterCheckList, noFilter, type CheckListFilter, type CheckListItem } from './check-list-filter';

/** Day 1: run the checks, read each teacher's list, record "checked" where nothing is left. */
export function DayOnePanel({
  board,
  canAct,
  list,
  onList,
  onBoard,
}: BoardUpdates & {
  canAct: boolean;
  /** The check list last run, kept by the screen: the override's summary reads it too. */
  list: CheckListView | null;
  onList: (list: CheckListView) => void;
}) {
  const { t } = useTranslation();
  const notices = useNotices();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [filter, setFilter] = useState<CheckListFilter>(noFilter);
  const run = async () => {
    setBusy(true);
    try {
      onList(await call('close.check', { closeId: board.closeId }));
      setError(null);
      onBoard(await call('close.board', { closeId: board.closeId }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const confirm = async (teacherId: number, classId: number, subjectId: number) => {
    try {
      onBoard(await call('close.confirm', { closeId: board.closeId, teacherId, classId, subjectId }));
    } catch (caught) {
      notices.error(caught);
    }
  };
  const itemOf = (teacherId: number, classId: number, subjectId: number) =>
    board.items.find(
      (i) =>
        i.kind === 'teacher_check' &&
        i.teacherId === teacherId &&
        i.classId === classId &&
        i.subjectId === subjectId,
    );
  const isChecked = (i: CheckListItem) => {
    const status = itemOf(i.teacherId, i.classId, i.subjectId)?.status;
    return status === 'done' || status === 'overridden';
  };
  const shown = filterCheckList(list?.items ?? [], filter, isChecked);
  const teachers = [...new Set(shown.map((i) => i.teacherName))].sort((a, b) => a.localeCompare(b));

  return (
    <Stack>
      {canAct && (
        <Group>
          <Button onClick={() => void run()} loading={busy}>
            {t('close.runChecks')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={error} />
      {list && (
        <>
          <Group gap="xs">
            {checkRuleIds
              .filter((rule) => list.totals[rule] > 0)
              .map((rule) => (
                <Badge key={rule} variant="light" color="orange">
                  {t(`rules.${rule}`)}: {list.totals[rule]}
                </Badge>
              ))}
          </Group>
          <Title order={4}>{t('close.checkList')}</Title>
          <CheckListFilters items={list.items} filter={filter} onChange={setFilter} />
          {teachers.length === 0 && <Text c="dimmed">{t('close.filterNothing')}</Text>}
          {teachers.map((teacher) => (
            <Stack key={teacher} gap={4} data-testid="check-list-teacher">
              <Text fw={600}>{teacher}</Text>
              <Table withTableBorder striped>
                <Table.Tbody>
                  {shown
                    .filter((i) => i.teacherName === teacher)
                    .map((i) => {
                      const done = isChecked(i);
                      return (
                        <Table.Tr key={`${i.teacherId}:${i.classId}:${i.subjectId}`} data-findings={i.total}>
                          <Table.Td w={70}>{i.className}</Table.Td>
                          <Table.Td w={220}>{i.subjectName}</Table.Td>
                          <Table.Td>
                            {i.total === 0 ? (
                              <Text size="sm" c="teal">
                                {t('close.clean')}
                              </Text>
                            ) : (
                              <Group gap={4}>
                                {checkRuleIds
                                  .filter((rule) => (i.byRule[rule] ?? 0) > 0)
                                  .map((rule) => (
                                    <Badge key={rule} size="sm" variant="outline" color="orange">
                                      {t(`rules.${rule}`)}: {i.byRule[rule]}
                                    </Badge>
                                  ))}
                              </Group>
                            )}
                          </Table.Td>
                          <Table.Td w={140}>
                            {done ? (
                              <Badge color="teal" variant="light">
                                {t('close.confirmed')}
                              </Badge>
                            ) : (
                              canAct && (
                                <Button
                                  size="xs"
                                  variant="light"
                                  onClick={() => void confirm(i.teacherId, i.classId, i.subjectId)}
                                >
                                  {t('close.confirm')}
                                </Button>
                              )
                            )}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                </Table.Tbody>
              </Table>
            </Stack>
          ))}
        </>
      )}
    </Stack>
  );
}
