import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { ApiError } from '../../src/api/result';

/**
 * Puts the core's field errors next to the fields that caused them. Returns false when the
 * error named no field the form has, so the caller shows it as a whole-form message.
 */
export function applyServerErrors<T extends FieldValues>(
  error: ApiError,
  setError: UseFormSetError<T>,
): boolean {
  if (error.fields === undefined) return false;
  let placed = false;
  for (const [path, message] of Object.entries(error.fields)) {
    setError(path as Path<T>, { type: 'server', message }, { shouldFocus: !placed });
    placed = true;
  }
  return placed;
}
