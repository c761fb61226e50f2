import { Accordion, Drawer, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoleName } from '../../shared/views';

const ROLES: readonly RoleName[] = ['deputy', 'secretary', 'director', 'admin'];

function RoleGuide({ role }: { role: RoleName }) {
  const { t } = useTranslation();
  const steps = t(`help.roles.${role}.steps`, { returnObjects: true });
  return (
    <Stack gap="xs">
      <Text size="sm">{t(`help.roles.${role}.intro`)}</Text>
      <List type="ordered" size="sm" spacing="xs">
        {steps.map((step) => (
          <List.Item key={step}>{step}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** The short guide of the five days, the signed-in person's part first; F1 opens it from every screen. */
export function HelpDrawer({
  role,
  opened,
  onClose,
}: {
  role: RoleName;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="lg" title={t('help.title')}>
      <Stack>
        <Title order={4}>
          {t('help.yourPart')}: {t(`help.roles.${role}.title`)}
        </Title>
        <RoleGuide role={role} />
        <Title order={5}>{t('help.otherRoles')}</Title>
        <Accordion variant="separated">
          {ROLES.filter((other) => other !== role).map((other) => (
            <Accordion.Item key={other} value={other}>
              <Accordion.Control>{t(`help.roles.${other}.title`)}</Accordion.Control>
              <Accordion.Panel>
                <RoleGuide role={other} />
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
        <Title order={5}>{t('help.shortcuts')}</Title>
        <Text size="sm">{t('help.shortcutList')}</Text>
      </Stack>
    </Drawer>
  );
}
