import {
  Badge,
  Button,
  Card,
  Group,
  Loader,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleName, SessionView, UserView } from '../../shared/views';
import { call } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { useNotices } from '../components/Notices';
import { waitText } from '../components/wait-text';
import { useCommand } from '../components/use-command';
import { formatDateTime } from '../i18n';
import { StaffCard } from './users/StaffCard';

const ROLES: readonly RoleName[] = ['deputy', 'secretary', 'director', 'admin'];

/**
 * The admin's list of local users (add, switch off or on, set a new password), and the school's
 * staff with their posts and class teachers.
 */
export function UsersScreen({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const users = useCommand('users.list', {});
  const [form, setForm] = useState({ login: '', fullName: '', role: 'deputy' as RoleName, password: '' });
  const [error, setError] = useState<unknown>(null);
  const notices = useNotices();
  // A row's button may be far down a long list: its refusal is a notice in the window's corner.
  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      await users.reload();
    } catch (caught) {
      notices.error(caught);
    }
  };
  const add = async () => {
    try {
      await call('users.create', form);
      setForm({ login: '', fullName: '', role: 'deputy', password: '' });
      setError(null);
      await users.reload();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <Stack>
      <Title order={2}>{t('users.title')}</Title>
      <Card withBorder>
        <Title order={4} mb="sm">
          {t('users.add')}
        </Title>
        <SimpleGrid cols={{ base: 2, lg: 4 }}>
          <TextInput
            label={t('users.name')}
            name="fullName"
            value={form.fullName}
            onChange={(e) => {
              setForm({ ...form, fullName: e.currentTarget.value });
            }}
          />
          <TextInput
            label={t('users.login')}
            name="newLogin"
            value={form.login}
            onChange={(e) => {
              setForm({ ...form, login: e.currentTarget.value });
            }}
          />
          <Select
            label={t('users.role')}
            name="role"
            allowDeselect={false}
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={form.role}
            onChange={(value) => {
              setForm({ ...form, role: value ?? 'deputy' });
            }}
          />
          <PasswordInput
            label={t('users.password')}
            name="newPassword"
            value={form.password}
            onChange={(e) => {
              setForm({ ...form, password: e.currentTarget.value });
            }}
          />
        </SimpleGrid>
        <Group mt="md">
          <Button onClick={() => void add()} disabled={form.password.length < 8 || form.login.length < 2}>
            {t('users.add')}
          </Button>
        </Group>
        <ErrorAlert error={error} />
      </Card>
      <ErrorAlert error={users.error} />
      {!users.data ? (
        <Loader />
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('users.name')}</Table.Th>
              <Table.Th>{t('users.login')}</Table.Th>
              <Table.Th>{t('users.role')}</Table.Th>
              <Table.Th>{t('users.status')}</Table.Th>
              <Table.Th>{t('users.lastSignIn')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.map((user) => (
              <UserRow key={user.id} user={user} self={user.id === session.user.id} act={act} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      {session.permissions.includes('settings.manage') && <StaffCard />}
    </Stack>
  );
}

function UserRow({
  user,
  self,
  act,
}: {
  user: UserView;
  self: boolean;
  act: (work: () => Promise<unknown>) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const [password, setPassword] = useState('');
  const waiting = user.lockedUntil !== null && user.lockedUntil > new Date().toISOString();
  return (
    <Table.Tr>
      <Table.Td>{user.fullName}</Table.Td>
      <Table.Td>{user.login}</Table.Td>
      <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
      <Table.Td>
        <Badge color={!user.active ? 'gray' : waiting ? 'orange' : 'teal'} variant="light">
          {!user.active
            ? t('users.inactive')
            : waiting && user.lockedUntil
              ? t('users.signInWait', { wait: waitText(i18n, user.lockedUntil) })
              : t('users.active')}
        </Badge>
      </Table.Td>
      <Table.Td>{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : '—'}</Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <PasswordInput
            size="xs"
            placeholder={t('users.resetPassword')}
            value={password}
            onChange={(e) => {
              setPassword(e.currentTarget.value);
            }}
          />
          <Button
            size="xs"
            variant="default"
            disabled={password.length < 8}
            onClick={() =>
              void act(async () => {
                await call('users.resetPassword', { userId: user.id, password });
                setPassword('');
              })
            }
          >
            {t('common.save')}
          </Button>
          {!self && (
            <Button
              size="xs"
              variant="subtle"
              color={user.active ? 'red' : 'teal'}
              onClick={() =>
                void act(() => call('users.setActive', { userId: user.id, active: !user.active }))
              }
            >
              {user.active ? t('users.deactivate') : t('users.activate')}
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
