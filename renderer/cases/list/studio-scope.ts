import type { Caller } from '../../../src/api/method';

/**
 * The studios whose cases the caller may list, or null for the whole center. Mirrors the core's
 * scope rule (reception, director and admin see everything; others their own studios) only to
 * offer the right choices and to drop a studio from an old link; the core enforces it.
 */
export function studioScope(caller: Caller): readonly number[] | null {
  const all = caller.roles.some((r) => r === 'reception' || r === 'director' || r === 'admin');
  return all ? null : caller.studioIds;
}
