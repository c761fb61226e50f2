import { Center, Loader } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { ScreenId } from '../../shared/screens';
import type { AppStatus } from '../../shared/views';
import { call, onSessionLost } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { SetupScreen } from '../screens/SetupScreen';
import { SignInScreen } from '../screens/SignInScreen';
import { Shell } from './Shell';

/** First run → sign in → (locked ↔ working): the whole app follows the core's status. */
export function App() {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Right after setup the mirror is empty: the first real step is filling it, not an empty dashboard.
  const [firstScreen, setFirstScreen] = useState<ScreenId | undefined>(undefined);
  const refresh = useCallback(() => {
    call('app.status', {}).then(setStatus, setError);
  }, []);
  useEffect(refresh, [refresh]);
  useEffect(() => onSessionLost(refresh), [refresh]);
  const locked = status?.session?.locked === true;
  useEffect(() => {
    document.body.classList.toggle('window-locked', locked);
  }, [locked]);

  if (error !== null) return <ErrorAlert error={error} />;
  if (!status) {
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    );
  }
  if (!status.setupDone) {
    return (
      <SetupScreen
        onDone={() => {
          setFirstScreen('sync');
          refresh();
        }}
      />
    );
  }
  if (!status.session) return <SignInScreen status={status} onDone={refresh} />;
  // Locked, the window stays as it was under the lock screen, hidden and out of reach: a form being
  // filled when the idle lock came is there again, as typed, once the same person unlocks.
  return (
    <>
      {locked && <SignInScreen status={status} locked={status.session} onDone={refresh} />}
      <div hidden={locked} inert={locked} data-testid="window-under-lock">
        <Shell
          key={status.session.user.id}
          status={status}
          session={status.session}
          firstScreen={firstScreen}
          onChange={refresh}
        />
      </div>
    </>
  );
}
