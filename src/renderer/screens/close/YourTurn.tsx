import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CloseBoard } from '../../../shared/views';
import { waitingFor, type Waiting } from './waiting-for';

function useTurnText() {
  const { t } = useTranslation();
  return ({ turn, count }: Waiting) =>
    turn === 'backup' || turn === 'folder' || turn === 'stamp'
      ? t(`turn.${turn}`)
      : t(`turn.${turn}`, { count });
}

/** The dashboard's first word to each role: what waits for them now, with the way there. */
export function YourTurn({
  board,
  permissions,
  onOpenClose,
}: {
  board: CloseBoard;
  permissions: readonly string[];
  onOpenClose: () => void;
}) {
  const { t } = useTranslation();
  const text = useTurnText();
  if (board.status !== 'open') return null;
  const waiting = waitingFor(board, permissions);
  return (
    <Alert color={waiting.length > 0 ? 'blue' : 'gray'} title={t('turn.title')} data-testid="your-turn">
      <Stack gap="xs" align="flex-start">
        {waiting.length === 0 ? (
          <Text size="sm">{t('turn.none')}</Text>
        ) : (
          <List size="sm">
            {waiting.map((w) => (
              <List.Item key={w.turn}>{text(w)}</List.Item>
            ))}
          </List>
        )}
        <Button size="xs" onClick={onOpenClose}>
          {t('turn.open')}
        </Button>
      </Stack>
    </Alert>
  );
}
