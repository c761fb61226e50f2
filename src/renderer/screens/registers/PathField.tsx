import { Button, Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OpenPathKind } from '../../../shared/api';

/**
 * A file or folder on this computer. In the desktop app a button opens the native dialog (in main);
 * in the browser mode, which runs on the same machine, the path is typed.
 */
export function PathField({
  label,
  description,
  value,
  onChange,
  open,
  save,
  name,
}: {
  label: string;
  description: string;
  value: string;
  onChange: (path: string) => void;
  /** What the open dialog asks for. */
  open?: OpenPathKind;
  /** The save dialog's suggested name and format. */
  save?: { suggestedName: string; format: 'pdf' | 'xlsx' };
  name: string;
}) {
  const { t } = useTranslation();
  const api = window.moor;
  const choose = async () => {
    const chosen = save
      ? await api?.chooseSaveFile?.(save.suggestedName, save.format)
      : open
        ? await api?.chooseOpenPath?.(open)
        : null;
    if (chosen) onChange(chosen);
  };
  const canChoose = save ? api?.chooseSaveFile !== undefined : api?.chooseOpenPath !== undefined;
  return (
    <Group align="flex-end" wrap="nowrap">
      <TextInput
        flex={1}
        name={name}
        label={label}
        description={description}
        value={value}
        onChange={(e) => {
          onChange(e.currentTarget.value);
        }}
      />
      {canChoose && (
        <Button variant="default" onClick={() => void choose()}>
          {t('registers.chooseFile')}
        </Button>
      )}
    </Group>
  );
}
