import { Box, Center, Loader } from '@mantine/core';
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, type ReactNode } from 'react';
import type { MethodOutput } from '../../src/api/contract';
import type { Caller } from '../../src/api/method';
import { useApiQuery } from '../api/hooks';
import { ApiCallError, call } from '../api/client';
import { initialLocale } from '../i18n';
import { ErrorState } from '../shared/ErrorState';
import { LockScreen } from './LockScreen';
import { SessionContext } from './session';
import { SetupPage } from './SetupPage';
import { SignInPage } from './SignInPage';
import { useIdleLock } from './use-idle-lock';

const STATUS_KEY = ['auth/status'];

/** Whether this window last knew itself signed in (so a refusal means the session ended). */
function signedIn(queryClient: QueryClient): boolean {
  return queryClient
    .getQueriesData<MethodOutput<'auth/status'>>({ queryKey: STATUS_KEY })
    .some(([, status]) => status !== undefined && status.caller !== null);
}

/**
 * First start → setup; no session → sign in; a locked session → the lock screen over the app
 * (kept mounted underneath, so the same person finds their unsaved work again); otherwise the
 * app. A colleague who switches user gets a fresh app: nothing of the previous person's stays.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const status = useApiQuery('auth/status', {});

  // The core answers errors in the window's language; tell it which one this window uses.
  useEffect(() => {
    void call('session/setLocale', { locale: initialLocale() });
  }, []);

  // Any query answered LOCKED (the core's own idle clock ran out) brings the lock screen up.
  // UNAUTHENTICATED while signed in: the session is gone (the core switched databases, each
  // with its own accounts) — drop everything cached and ask who is here (sign-in).
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'error') return;
        const { error } = event.action;
        if (!(error instanceof ApiCallError)) return;
        if (error.error.code === 'LOCKED') {
          void queryClient.invalidateQueries({ queryKey: STATUS_KEY });
        } else if (error.error.code === 'UNAUTHENTICATED' && signedIn(queryClient)) {
          void queryClient.resetQueries();
        }
      }),
    [queryClient],
  );

  const lock = status.data?.lock;
  const lockNow = useCallback(() => {
    void call('auth/lock', {}).finally(
      () => void queryClient.invalidateQueries({ queryKey: STATUS_KEY }),
    );
  }, [queryClient]);
  useIdleLock(lock !== undefined && !lock.locked ? lock.idleLockMinutes : null, lockNow);

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
      // Drop everything cached for this person and ask again who is here (nobody: sign-in).
      void queryClient.resetQueries();
    });
  };
  const switched = (next: Caller) => {
    // Another person: nothing cached for the previous one may show; every query starts afresh.
    if (next.staffId !== caller.staffId) void queryClient.resetQueries();
    else refresh();
  };
  const locked = lock?.locked === true;
  return (
    <SessionContext.Provider value={{ caller, signOut }}>
      {locked && (
        <LockScreen
          caller={caller}
          onUnlocked={refresh}
          onSwitched={switched}
          onSignOut={signOut}
        />
      )}
      {/* Keyed by person: a switched user gets fresh screens, not the previous one's forms. */}
      <Box key={caller.staffId} display={locked ? 'none' : undefined} aria-hidden={locked}>
        {children}
      </Box>
    </SessionContext.Provider>
  );
}
