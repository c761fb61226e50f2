import { Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { staffPositions } from '../../../shared/staff-views';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotices } from '../../components/Notices';
import { useCommand } from '../../components/use-command';

/**
 * Who is the secretary, the director and the deputies, and each class's class teacher: Kundoluk
 * sends neither, and the close and the printed copies need both. Each choice is saved at once.
 */
export function StaffCard() {
  const { t } = useTranslation();
  const years = useCommand('settings.years', {});
  const [yearId, setYearId] = useState<number | null>(null);
  const directory = useCommand('staff.list', { academicYearId: yearId });
  const notices = useNotices();
  // The choice may be far down the staff list: its refusal is a notice in the window's corner.
  const change = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (caught) {
      notices.error(caught);
    }
    await directory.reload();
  };
  const data = directory.data;
  if (!data) return <ErrorAlert error={directory.error} />;
  const staffOptions = data.staff.map((s) => ({ value: String(s.id), label: s.name }));
  return (
    <Card withBorder data-testid="staff">
      <Stack>
        <Title order={4}>{t('staff.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('staff.hint')}
        </Text>
        {data.staff.length === 0 ? (
          <Text>{t('staff.none')}</Text>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('staff.name')}</Table.Th>
                <Table.Th>{t('staff.position')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.staff.map((person) => (
                <Table.Tr key={person.id}>
                  <Table.Td>{person.name}</Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      w={240}
                      aria-label={`${t('staff.position')}: ${person.name}`}
                      allowDeselect={false}
                      data={staffPositions.map((p) => ({ value: p, label: t(`staff.positions.${p}`) }))}
                      value={person.position}
                      onChange={(value) => {
                        if (value === null || value === person.position) return;
                        void change(() =>
                          call('staff.setPosition', {
                            staffId: person.id,
                            position: value,
                          }),
                        );
                      }}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Title order={5}>{t('staff.classTeachers')}</Title>
        <Select
          w={200}
          label={t('staff.year')}
          allowDeselect={false}
          data={(years.data ?? []).map((y) => ({ value: String(y.id), label: y.label }))}
          value={data.academicYearId === null ? null : String(data.academicYearId)}
          onChange={(value) => {
            setYearId(value ? Number(value) : null);
          }}
        />
        {data.classes.length === 0 ? (
          <Text>{t('staff.noClasses')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {data.classes.map((klass) => (
              <Group key={klass.classId} align="flex-end" wrap="nowrap">
                <Select
                  style={{ flex: 1 }}
                  label={`${klass.className} — ${t('staff.classTeacher')}`}
                  placeholder={t('staff.notSet')}
                  searchable
                  clearable
                  data={staffOptions}
                  value={klass.classTeacherId === null ? null : String(klass.classTeacherId)}
                  onChange={(value) => {
                    const teacherId = value ? Number(value) : null;
                    if (teacherId === klass.classTeacherId) return;
                    void change(() => call('staff.setClassTeacher', { classId: klass.classId, teacherId }));
                  }}
                />
                <Select
                  w={150}
                  label={t('staff.classLanguage')}
                  aria-label={`${klass.className} — ${t('staff.classLanguage')}`}
                  allowDeselect={false}
                  data={[
                    { value: 'ky', label: t('documentLanguage.ky') },
                    { value: 'ru', label: t('documentLanguage.ru') },
                  ]}
                  value={klass.language}
                  onChange={(value) => {
                    if ((value !== 'ky' && value !== 'ru') || value === klass.language) return;
                    void change(() =>
                      call('staff.setClassLanguage', { classId: klass.classId, language: value }),
                    );
                  }}
                />
              </Group>
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Card>
  );
}
