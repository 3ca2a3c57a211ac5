import { createContext, useContext } from 'react';
import type { Caller } from '../../src/api/method';

export interface SessionContextValue {
  readonly caller: Caller;
  signOut(): void;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession outside AuthGate');
  return value;
}
