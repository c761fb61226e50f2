import { Center, Loader } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { AppStatus } from '../../shared/views';
import { call, CommandError, onSessionLost } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { PairScreen } from '../screens/PairScreen';
import { SetupScreen } from '../screens/SetupScreen';
import { SignInScreen } from '../screens/SignInScreen';
import { Shell } from './Shell';

/** First run → sign in → (locked ↔ working): the whole app follows the core's status. */
export function App() {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const refresh = useCallback(() => {
    call('app.status', {}).then(setStatus, setError);
  }, []);
  useEffect(refresh, [refresh]);
  useEffect(() => onSessionLost(refresh), [refresh]);

  if (error instanceof CommandError && error.code === 'HOST_NOT_PAIRED') {
    return (
      <PairScreen
        onDone={() => {
          setError(null);
          refresh();
        }}
      />
    );
  }
  if (error !== null) return <ErrorAlert error={error} />;
  if (!status) {
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    );
  }
  if (!status.setupDone) return <SetupScreen onDone={refresh} />;
  if (!status.session) return <SignInScreen status={status} onDone={refresh} />;
  if (status.session.locked) return <SignInScreen status={status} locked={status.session} onDone={refresh} />;
  return <Shell key={status.session.user.id} status={status} session={status.session} onChange={refresh} />;
}
