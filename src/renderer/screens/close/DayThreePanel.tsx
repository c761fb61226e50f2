import { Alert, Card, Group, Select, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CloseItemView } from '../../../shared/views';
import { call } from '../../api/client';
import { OutstandingByTeacher } from './OutstandingByTeacher';
import { localToday, SignedOnField, signedOnInput } from './SignedOnField';
import { SignatureGrid } from './SignatureGrid';
import { SignatureSheetPrint } from './SignatureSheetPrint';
import type { DayActions } from './panel-props';

const ALL = 'all';

/**
 * Day 3: the signature tracker. The grid shows the whole school; the list under it says what each
 * teacher still owes; the deputy records a signature as the teacher signs, and prints the list.
 */
export function DayThreePanel({ board, can, act }: DayActions) {
  const { t } = useTranslation();
  const [teacherId, setTeacherId] = useState<number | null>(null);
  const [signedOn, setSignedOn] = useState(localToday);
  const items = board.items.filter((i) => i.day === 3 || i.day === 4);
  const signatures = items.filter((i) => i.kind === 'subject_signature');
  const teachers = new Map(
    signatures.flatMap((i) => (i.teacherId === null ? [] : ([[i.teacherId, i.teacherName ?? '']] as const))),
  );
  const voidedClasses = [...new Set(items.filter((i) => i.status === 'voided').map((i) => i.className))];
  const sign = (item: CloseItemView) => {
    const { classId, teacherId: signer, subjectId } = item;
    if (classId === null || signer === null || subjectId === null) return;
    void act(() =>
      call('close.sign', {
        closeId: board.closeId,
        classId,
        teacherId: signer,
        subjectId,
        ...signedOnInput(signedOn),
      }),
    );
  };
  const open = board.status === 'open';

  return (
    <Stack>
      {voidedClasses.length > 0 && (
        <Alert color="orange" data-testid="voided-signatures">
          {t('close.voidedClasses', { classes: voidedClasses.join(', ') })}
        </Alert>
      )}
      <Group align="flex-end" justify="space-between">
        <Group align="flex-end">
          <Select
            label={t('close.byTeacher')}
            searchable
            allowDeselect={false}
            w={320}
            data={[
              { value: ALL, label: t('close.allTeachers') },
              ...[...teachers]
                .sort((a, b) => a[1].localeCompare(b[1]))
                .map(([id, name]) => ({ value: String(id), label: name })),
            ]}
            value={teacherId === null ? ALL : String(teacherId)}
            onChange={(value) => {
              setTeacherId(value && value !== ALL ? Number(value) : null);
            }}
          />
          {open && can('close.sign') && <SignedOnField value={signedOn} onChange={setSignedOn} />}
        </Group>
        {can('documents.print') && <SignatureSheetPrint closeId={board.closeId} teacherId={teacherId} />}
      </Group>
      <SignatureGrid items={items} teacherId={teacherId} />
      <Card withBorder>
        <Title order={5} mb="xs">
          {t('close.outstandingTitle')}
        </Title>
        <OutstandingByTeacher
          items={signatures}
          teacherId={teacherId}
          onSign={open && can('close.sign') ? sign : null}
        />
      </Card>
    </Stack>
  );
}
