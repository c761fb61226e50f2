import { Box, Text, Tooltip } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { JournalGrid } from '../../shared/views';
import { formatShortDate } from '../i18n';

const ROW_HEIGHT = 30;
const CELL_WIDTH = 44;
const NAME_WIDTH = 220;
const FINAL_WIDTH = 70;

/**
 * Students × lessons, virtualised both ways so a year of a subject (140 lessons × 40 students)
 * scrolls smoothly; the names column and the dates row stay in place.
 */
export function JournalGridView({ grid }: { grid: JournalGrid }) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const cells = useMemo(() => {
    const map = new Map<string, { text: string; corrected: boolean }>();
    for (const c of grid.cells) map.set(`${c.studentId}:${c.lessonId}`, c);
    return map;
  }, [grid]);
  const finals = useMemo(() => new Map(grid.finals.map((f) => [f.studentId, f.value])), [grid]);
  const rows = useVirtualizer({
    count: grid.students.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const columns = useVirtualizer({
    horizontal: true,
    count: grid.lessons.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CELL_WIDTH,
    overscan: 6,
  });
  const width = NAME_WIDTH + grid.lessons.length * CELL_WIDTH + FINAL_WIDTH;
  const height = ROW_HEIGHT + grid.students.length * ROW_HEIGHT;

  return (
    <Box
      ref={scrollRef}
      data-testid="journal-grid"
      style={{
        overflow: 'auto',
        height: 'calc(100vh - 230px)',
        border: '1px solid var(--mantine-color-gray-3)',
      }}
    >
      <div style={{ position: 'relative', width, height }}>
        <div className="grid-corner" style={{ width: NAME_WIDTH, height: ROW_HEIGHT }}>
          {t('journal.student')}
        </div>
        {columns.getVirtualItems().map((col) => {
          const lesson = grid.lessons[col.index];
          if (!lesson) return null;
          return (
            <Tooltip
              key={`h${col.key}`}
              multiline
              w={280}
              label={`${t('journal.topic')}: ${lesson.topic ?? '—'} · ${t('journal.homework')}: ${lesson.homework ?? '—'}${lesson.isSubstitution ? ` · ${t('journal.substitution')}` : ''}`}
            >
              <div
                className="grid-head"
                style={{ left: NAME_WIDTH + col.start, width: CELL_WIDTH, height: ROW_HEIGHT }}
                data-missing-topic={lesson.topic ? undefined : ''}
              >
                {formatShortDate(lesson.date)}
              </div>
            </Tooltip>
          );
        })}
        <div
          className="grid-head grid-final-head"
          style={{ left: width - FINAL_WIDTH, width: FINAL_WIDTH, height: ROW_HEIGHT }}
        >
          {t('journal.final')}
        </div>
        {rows.getVirtualItems().map((row) => {
          const student = grid.students[row.index];
          if (!student) return null;
          const top = ROW_HEIGHT + row.start;
          return (
            <div key={`r${row.key}`}>
              <div className="grid-name" style={{ top, width: NAME_WIDTH, height: ROW_HEIGHT }}>
                <Text size="sm" truncate>
                  {row.index + 1}. {student.name}
                </Text>
              </div>
              {columns.getVirtualItems().map((col) => {
                const lesson = grid.lessons[col.index];
                const cell = lesson ? cells.get(`${student.id}:${lesson.id}`) : undefined;
                return (
                  <div
                    key={col.key}
                    className={cell?.corrected ? 'grid-cell grid-corrected' : 'grid-cell'}
                    title={cell?.corrected ? t('journal.corrected') : undefined}
                    style={{ top, left: NAME_WIDTH + col.start, width: CELL_WIDTH, height: ROW_HEIGHT }}
                  >
                    {cell?.text ?? ''}
                  </div>
                );
              })}
              <div
                className="grid-cell grid-final"
                style={{ top, left: width - FINAL_WIDTH, width: FINAL_WIDTH, height: ROW_HEIGHT }}
              >
                {finals.get(student.id) ?? ''}
              </div>
            </div>
          );
        })}
      </div>
    </Box>
  );
}
