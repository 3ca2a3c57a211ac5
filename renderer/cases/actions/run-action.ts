import { notifications } from '@mantine/notifications';
import type { FieldValues, UseFormSetError } from 'react-hook-form';
import type { MethodInput, MethodName, MethodOutput } from '../../../src/api/contract';
import { callResult } from '../../api/client';
import { applyServerErrors } from '../../shared/form-errors';

export interface RunOptions<T extends FieldValues> {
  readonly setError?: UseFormSetError<T>;
  /** Called when the case changed under the user (STALE): reload it. */
  readonly onStale: () => void;
  readonly staleText: string;
}

/**
 * Runs one case action. Field errors go next to their fields; a stale save is refused and the
 * page reloads the case (never a silent overwrite); anything else is shown as a notification.
 * Returns the value, or null when the action did not happen.
 */
export async function runAction<M extends MethodName, T extends FieldValues>(
  method: M,
  input: MethodInput<M>,
  options: RunOptions<T>,
): Promise<MethodOutput<M> | null> {
  const result = await callResult(method, input);
  if (result.ok) return result.value;
  const { error } = result;
  if (error.code === 'STALE') {
    notifications.show({ color: 'orange', title: options.staleText, message: error.message });
    options.onStale();
    return null;
  }
  if (options.setError && applyServerErrors(error, options.setError)) return null;
  notifications.show({ color: 'red', message: error.message });
  return null;
}
