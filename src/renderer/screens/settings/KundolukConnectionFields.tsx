import { Badge, Group, PasswordInput, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../shared/views';

type Connection = SettingsView['kundoluk'];

/** How the mirror is fed from Kundoluk, and its token: taken here, never shown back (the address is on the Kundoluk card). */
export function KundolukConnectionFields({
  connection,
  token,
  tokenSet,
  canEdit,
  onConnection,
  onToken,
}: {
  connection: Connection;
  token: string;
  tokenSet: boolean;
  canEdit: boolean;
  onConnection: (connection: Connection) => void;
  onToken: (token: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Select
        label={t('settingsMore.kundolukMode')}
        disabled={!canEdit}
        allowDeselect={false}
        data={(['api', 'file', 'later'] as const).map((m) => ({
          value: m,
          label: t(`settingsMore.modes.${m}`),
        }))}
        value={connection.mode}
        onChange={(value) => {
          onConnection({ ...connection, mode: value ?? 'later' });
        }}
      />
      {canEdit && (
        <PasswordInput
          label={t('settingsMore.kundolukToken')}
          description={t('settingsMore.tokenHint')}
          autoComplete="off"
          value={token}
          onChange={(e) => {
            onToken(e.currentTarget.value);
          }}
        />
      )}
      <Group>
        {t('settingsMore.kundolukToken')}:
        <Badge color={tokenSet ? 'teal' : 'gray'} variant="light" data-testid="token-state">
          {tokenSet ? t('settingsMore.tokenSet') : t('settingsMore.tokenMissing')}
        </Badge>
      </Group>
    </>
  );
}
