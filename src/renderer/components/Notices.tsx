import { Alert, Button, Group, Stack } from '@mantine/core';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert';

type Notice = { id: number; error: unknown } | { id: number; text: string };

interface Notices {
  /** A failed action whose control has no room beside it for the words (a row's button). */
  error: (error: unknown) => void;
  /** What an action came to, when its control has no room beside it. */
  result: (text: string) => void;
}

const NoticesContext = createContext<Notices | null>(null);

/** The notices of the signed-in window. */
export function useNotices(): Notices {
  const notices = useContext(NoticesContext);
  if (!notices) throw new Error('useNotices outside NoticesProvider');
  return notices;
}

/**
 * Notices pinned to the window's corner: whatever the person scrolled to, an action's outcome is in
 * view, and it stays until they say they have read it (a page tens of thousands of pixels tall
 * once said a refusal only at its top).
 */
export function NoticesProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Notice[]>([]);
  const next = useRef(0);
  const add = useCallback((notice: { error: unknown } | { text: string }) => {
    next.current += 1;
    const id = next.current;
    setShown((current) => [...current, { ...notice, id }]);
  }, []);
  const notices = useMemo<Notices>(
    () => ({
      error: (error) => {
        add({ error });
      },
      result: (text) => {
        add({ text });
      },
    }),
    [add],
  );
  const read = (id: number) => {
    setShown((current) => current.filter((n) => n.id !== id));
  };
  return (
    <NoticesContext.Provider value={notices}>
      {children}
      {shown.length > 0 && (
        <Stack
          gap="xs"
          pos="fixed"
          bottom={16}
          right={16}
          w={440}
          maw="calc(100vw - 32px)"
          style={{ zIndex: 300 }}
          className="hidden-when-locked"
          data-testid="notices"
        >
          {shown.map((notice) => (
            <Stack
              key={notice.id}
              gap={4}
              bg="var(--mantine-color-body)"
              p={4}
              style={{ boxShadow: 'var(--mantine-shadow-md)' }}
            >
              {'error' in notice ? (
                <ErrorAlert error={notice.error} />
              ) : (
                <Alert color="teal" variant="light">
                  {notice.text}
                </Alert>
              )}
              <Group justify="flex-end">
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => {
                    read(notice.id);
                  }}
                >
                  {t('notices.read')}
                </Button>
              </Group>
            </Stack>
          ))}
        </Stack>
      )}
    </NoticesContext.Provider>
  );
}
