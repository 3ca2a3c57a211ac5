import { Center, Loader } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { useApiQuery } from '../api/hooks';
import { call } from '../api/client';
import { initialLocale } from '../i18n';
import { ErrorState } from '../shared/ErrorState';
import { SessionContext } from './session';
import { SetupPage } from './SetupPage';
import { SignInPage } from './SignInPage';

/** First start → setup; no session → sign in; otherwise the app. */
export function AuthGate({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const status = useApiQuery('auth/status', {});

  // The core answers errors in the window's language; tell it which one this window uses.
  useEffect(() => {
    void call('session/setLocale', { locale: initialLocale() });
  }, []);

  const refresh = () => void queryClient.invalidateQueries();

  if (status.isPending) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (status.isError)
    return <ErrorState error={status.error} onRetry={() => void status.refetch()} />;
  if (status.data.needsSetup) return <SetupPage onDone={refresh} />;
  const caller = status.data.caller;
  if (caller === null) return <SignInPage onDone={refresh} />;

  const signOut = () => {
    void call('auth/signOut', {}).then(() => {
      queryClient.clear();
      refresh();
    });
  };
  return <SessionContext.Provider value={{ caller, signOut }}>{children}</SessionContext.Provider>;
}
