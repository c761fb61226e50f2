import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * Asks once more before a step that cannot be taken back: go on, or keep things as they are;
 * `children` show what the step covers.
 */
export function ConfirmAlert({
  message,
  children,
  confirmLabel,
  keepLabel,
  onConfirm,
  onKeep,
}: {
  message: string;
  children?: ReactNode;
  confirmLabel: string;
  keepLabel: string;
  onConfirm: () => void;
  onKeep: () => void;
}) {
  return (
    <Alert color="red" mt="sm">
      <Stack gap="xs">
        {children}
        <Text size="sm">{message}</Text>
        <Group>
          <Button color="red" size="xs" onClick={onConfirm}>
            {confirmLabel}
          </Button>
          <Button size="xs" variant="default" onClick={onKeep}>
            {keepLabel}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
