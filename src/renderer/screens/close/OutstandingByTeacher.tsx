import { Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CloseItemView } from '../../../shared/views';

export const isOutstanding = (i: CloseItemView) => i.status === 'open' || i.status === 'voided';

/** What each subject teacher still has to sign, teacher by teacher, with the act that records it. */
export function OutstandingByTeacher({
  items,
  teacherId,
  onSign,
}: {
  items: readonly CloseItemView[];
  teacherId: number | null;
  onSign: ((item: CloseItemView) => void) | null;
}) {
  const { t } = useTranslation();
  const owed = items
    .filter((i) => i.kind === 'subject_signature' && isOutstanding(i))
    .filter((i) => teacherId === null || i.teacherId === teacherId);
  const teachers = [...new Set(owed.map((i) => i.teacherName ?? ''))].sort((a, b) => a.localeCompare(b));
  if (owed.length === 0) {
    return (
      <Text c="teal" data-testid="nothing-outstanding">
        {t('close.nothingOutstanding')}
      </Text>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="outstanding-by-teacher">
      {teachers.map((teacher) => {
        const mine = owed.filter((i) => (i.teacherName ?? '') === teacher);
        return (
          <Card key={teacher} withBorder padding="sm">
            <Group justify="space-between" mb={4}>
              <Text fw={600}>{teacher}</Text>
              <Badge variant="light" color="gray">
                {t('close.pagesOwed', { count: mine.length })}
              </Badge>
            </Group>
            <Stack gap={4}>
              {mine.map((item) => (
                <Group key={item.id} justify="space-between" wrap="nowrap">
                  <Text size="sm" flex={1}>
                    {item.className} — {item.subjectName}
                  </Text>
                  <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
                    {item.status === 'voided' && (
                      <Badge color="orange" variant="light" size="sm">
                        {t('close.voidedByReprint')}
                      </Badge>
                    )}
                    {onSign && (
                      <Button
                        size="compact-xs"
                        variant="light"
                        onClick={() => {
                          onSign(item);
                        }}
                      >
                        {t('close.sign')}
                      </Button>
                    )}
                  </Group>
                </Group>
              ))}
            </Stack>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
