import { Badge, Box, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MirrorChangeView } from '../../../shared/views';
import { currentLanguage, formatDateTime } from '../../i18n';
import { numericDate } from '../reports/localized';

const ROW_HEIGHT = 36;
const COLUMNS = '140px minmax(200px, 1.5fr) 140px 50px 1fr 1.4fr 100px 90px';

/** The changes as one list, virtualised: a year of resyncs can hold thousands of them. */
export function ChangesList({ changes }: { changes: readonly MirrorChangeView[] }) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useVirtualizer({
    count: changes.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const subjectName = (change: MirrorChangeView) =>
    change.subject === null ? '' : currentLanguage() === 'ru' ? change.subject.ru : change.subject.ky;
  const kindLabel = (kind: string) => t(`changes.kind_${kind}` as 'changes.kind_mark_changed');
  return (
    <Box style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}>
      <div className="changes-row changes-head" style={{ display: 'grid', gridTemplateColumns: COLUMNS }}>
        <Text size="sm" fw={600} p={6}>
          {t('changes.seenAt')}
        </Text>
        <Text size="sm" fw={600} p={6}>
          {t('changes.kind')}
        </Text>
        <span />
        <Text size="sm" fw={600} p={6}>
          {t('changes.className')}
        </Text>
        <Text size="sm" fw={600} p={6}>
          {t('changes.subject')}
        </Text>
        <Text size="sm" fw={600} p={6}>
          {t('changes.student')}
        </Text>
        <Text size="sm" fw={600} p={6}>
          {t('changes.lessonDate')}
        </Text>
        <Text size="sm" fw={600} p={6}>
          {t('changes.values')}
        </Text>
      </div>
      <div
        ref={scrollRef}
        data-testid="changes-list"
        style={{ maxHeight: 'max(240px, calc(100vh - 330px))', overflow: 'auto' }}
      >
        <div style={{ position: 'relative', height: rows.getTotalSize() }}>
          {rows.getVirtualItems().map((item) => {
            const change = changes[item.index];
            if (!change) return null;
            return (
              <div
                key={change.id}
                data-testid="change-row"
                data-kind={change.kind}
                data-certified={change.certified}
                style={{
                  position: 'absolute',
                  top: item.start,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  display: 'grid',
                  gridTemplateColumns: COLUMNS,
                  alignItems: 'center',
                  borderTop: '1px solid var(--mantine-color-gray-2)',
                  background: change.certified ? 'var(--mantine-color-red-0)' : undefined,
                }}
              >
                <Text size="sm" px={6}>
                  {formatDateTime(change.seenAt)}
                </Text>
                <Text size="sm" px={6} truncate>
                  {kindLabel(change.kind)}
                </Text>
                <Box px={6}>
                  {change.certified && (
                    <Badge color="red" size="sm" variant="filled" tt="none">
                      {t('changes.certified')}
                    </Badge>
                  )}
                </Box>
                <Text size="sm" px={6}>
                  {change.className ?? ''}
                </Text>
                <Text size="sm" px={6} truncate>
                  {subjectName(change)}
                </Text>
                <Text size="sm" px={6} truncate>
                  {change.studentName ?? ''}
                </Text>
                <Text size="sm" px={6}>
                  {change.lessonDate === null ? '' : numericDate(change.lessonDate)}
                </Text>
                <Text size="sm" px={6} ff="monospace">
                  {change.before === null && change.after === null
                    ? ''
                    : `${change.before ?? '∅'} → ${change.after ?? '∅'}`}
                </Text>
              </div>
            );
          })}
        </div>
      </div>
    </Box>
  );
}
