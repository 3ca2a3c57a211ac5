import { AppError } from './result';

/**
 * Database failures a user can act on, as errors they can read: the other engine's wording of
 * the same situation maps to the same code. Anything else stays INTERNAL.
 */
export function translateDatabaseError(error: unknown): AppError | null {
  if (typeof error !== 'object' || error === null) return null;
  // pg-pool's own timeout, without a code: no connection came free or could be opened in time.
  if (error instanceof Error && error.message.startsWith(POOL_TIMEOUT)) {
    return new AppError('UNAVAILABLE', 'error.unavailable');
  }
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  // PostgreSQL exclusion_violation: migration 0010's no-overlap constraint on session_occupancy.
  if (code === '23P01') return new AppError('CONFLICT', 'error.bookingOverlap');
  // lock_not_available (lock_timeout), SQLite's busy timeout.
  if (code === '55P03' || code === 'SQLITE_BUSY') return new AppError('BUSY', 'error.busy');
  if (UNREACHABLE.has(code) || code.startsWith('08') || code === '57P01' || code === '57P03') {
    return new AppError('UNAVAILABLE', 'error.unavailable');
  }
  return null;
}

const POOL_TIMEOUT = 'timeout exceeded when trying to connect';

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
]);
