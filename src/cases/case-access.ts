import type { Caller } from '../api/method';
import { AppError } from '../api/result';

/** Reception routes across the center and the director reads everything; others see their studios. */
export function seesAllStudios(caller: Caller): boolean {
  return caller.roles.some((r) => r === 'reception' || r === 'director' || r === 'admin');
}

export function assertStudioAccess(caller: Caller, studioId: number): void {
  if (!seesAllStudios(caller) && !caller.studioIds.includes(studioId)) {
    throw new AppError('FORBIDDEN', 'error.studioScope');
  }
}
