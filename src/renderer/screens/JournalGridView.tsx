import { Box } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { JournalGrid } from '../../shared/views';
import { formatShortDate } from '../i18n';

const ROW_HEIGHT = 30;
/** The dates row is taller when lessons are split by subgroup: the subgroup is named under the date. */
const HEAD_HEIGHT_WITH_SUBGROUPS = 40;
const CELL_WIDTH = 44;
const NAME_WIDTH = 220;
const FINAL_WIDTH = 70;

/**
 * Students × lessons, virtualised both ways so a year of a subject (140 lessons × 40 students)
 * scrolls smoothly. Rows are laid out in the page's flow with spacers for what is not drawn, so
 * the dates row (sticky at the top) and the names column (sticky at the left) stay in place, and
 * every row is a real row of an ARIA grid that a screen reader can walk. Cells are plain elements
 * (a lesson's topic is its header's native tooltip): a component per cell or header made painting a
 * grid several times slower than a plain table of the same cells.
 */
export function JournalGridView({ grid, label }: { grid: JournalGrid; label: string }) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const cells = useMemo(() => {
    const map = new Map<string, { text: string; corrected: boolean }>();
    for (const c of grid.cells) map.set(`${c.studentId}:${c.lessonId}`, c);
    return map;
  }, [grid]);
  const finals = useMemo(() => new Map(grid.finals.map((f) => [f.studentId, f.value])), [grid]);
  const headHeight = grid.lessons.some((l) => l.subgroup !== null) ? HEAD_HEIGHT_WITH_SUBGROUPS : ROW_HEIGHT;
  const rows = useVirtualizer({
    count: grid.students.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    paddingStart: headHeight,
    overscan: 8,
  });
  const columns = useVirtualizer({
    horizontal: true,
    count: grid.lessons.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CELL_WIDTH,
    paddingStart: NAME_WIDTH,
    overscan: 6,
  });
  const width = NAME_WIDTH + grid.lessons.length * CELL_WIDTH + FINAL_WIDTH;
  const height = headHeight + grid.students.length * ROW_HEIGHT;
  const visibleColumns = columns.getVirtualItems();
  const leftPad = (visibleColumns[0]?.start ?? NAME_WIDTH) - NAME_WIDTH;
  const rightPad = grid.lessons.length * CELL_WIDTH - leftPad - visibleColumns.length * CELL_WIDTH;
  const visibleRows = rows.getVirtualItems();
  const topPad = (visibleRows[0]?.start ?? headHeight) - headHeight;

  return (
    <Box
      ref={scrollRef}
      data-testid="journal-grid"
      role="grid"
      aria-label={label}
      aria-rowcount={grid.students.length + 1}
      aria-colcount={grid.lessons.length + 2}
      style={{
        overflow: 'auto',
        height: 'calc(100vh - 300px)',
        minHeight: 240,
        border: '1px solid var(--mantine-color-gray-3)',
      }}
    >
      <div style={{ width, height }}>
        <div
          role="row"
          aria-rowindex={1}
          className="grid-row grid-head-row"
          style={{ width, height: headHeight }}
        >
          <div role="columnheader" aria-colindex={1} className="grid-corner" style={{ width: NAME_WIDTH }}>
            {t('journal.student')}
          </div>
          <div className="grid-pad" style={{ width: leftPad }} />
          {visibleColumns.map((col) => {
            const lesson = grid.lessons[col.index];
            if (!lesson) return null;
            return (
              <div
                key={col.key}
                role="columnheader"
                aria-colindex={col.index + 2}
                className="grid-head"
                style={{ width: CELL_WIDTH }}
                title={`${t('journal.topic')}: ${lesson.topic ?? '—'} · ${t('journal.homework')}: ${lesson.homework ?? '—'}${lesson.isSubstitution ? ` · ${t('journal.substitution')}` : ''}`}
                data-missing-topic={lesson.topic ? undefined : ''}
              >
                <span>{formatShortDate(lesson.date)}</span>
                {lesson.subgroup !== null && <span className="grid-subgroup">{lesson.subgroup}</span>}
              </div>
            );
          })}
          <div className="grid-pad" style={{ width: rightPad }} />
          <div
            role="columnheader"
            aria-colindex={grid.lessons.length + 2}
            className="grid-head grid-final-head"
            style={{ width: FINAL_WIDTH }}
          >
            {t('journal.final')}
          </div>
        </div>
        <div style={{ height: topPad }} />
        {visibleRows.map((row) => {
          const student = grid.students[row.index];
          if (!student) return null;
          return (
            <div
              key={row.key}
              role="row"
              aria-rowindex={row.index + 2}
              className="grid-row"
              style={{ width, height: ROW_HEIGHT }}
            >
              <div role="rowheader" aria-colindex={1} className="grid-name" style={{ width: NAME_WIDTH }}>
                <span className="grid-name-text">
                  {row.index + 1}. {student.name}
                </span>
              </div>
              <div className="grid-pad" style={{ width: leftPad }} />
              {visibleColumns.map((col) => {
                const lesson = grid.lessons[col.index];
                const cell = lesson ? cells.get(`${student.id}:${lesson.id}`) : undefined;
                return (
                  <div
                    key={col.key}
                    role="gridcell"
                    aria-colindex={col.index + 2}
                    className={cell?.corrected ? 'grid-cell grid-corrected' : 'grid-cell'}
                    title={cell?.corrected ? t('journal.corrected') : undefined}
                    style={{ width: CELL_WIDTH }}
                  >
                    {cell?.text ?? ''}
                  </div>
                );
              })}
              <div className="grid-pad" style={{ width: rightPad }} />
              <div
                role="gridcell"
                aria-colindex={grid.lessons.length + 2}
                className="grid-cell grid-final"
                style={{ width: FINAL_WIDTH }}
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
