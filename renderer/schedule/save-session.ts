import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { MethodInput, MethodName, MethodOutput } from '../../src/api/contract';
import type { ApiError } from '../../src/api/result';
import { formFieldOf } from '../../src/schedule/session-form.schema';
import { callResult } from '../api/client';

export interface SaveTexts {
  readonly confirmTitle: string;
  readonly confirm: string;
  readonly cancel: string;
  readonly refused: string;
  readonly stale: string;
}

/** Asks the user to accept the warnings the core named; resolves true when they do. */
export function confirmWarnings(message: string, texts: SaveTexts): Promise<boolean> {
  return new Promise((resolve) => {
    modals.openConfirmModal({
      title: texts.confirmTitle,
      children: message,
      labels: { confirm: texts.confirm, cancel: texts.cancel },
      onConfirm: () => resolve(true),
      onCancel: () => resolve(false),
      onClose: () => resolve(false),
    });
  });
}

const onlyWarnings = (e: ApiError) =>
  e.code === 'VALIDATION' &&
  e.fields !== undefined &&
  Object.keys(e.fields).length === 1 &&
  'acceptWarnings' in e.fields;

/**
 * Saves a booking. Warnings (outside hours, rest day, holiday, the past) come back as a refusal
 * naming them: the user confirms and the same save is sent with `acceptWarnings`. A conflict is
 * shown where it belongs (the field, and a notification naming the other session); a stale save
 * reloads. Returns the value, or null when nothing was saved.
 */
export async function saveSession<M extends MethodName, T extends FieldValues>(
  method: M,
  input: MethodInput<M>,
  texts: SaveTexts,
  options: { setError?: UseFormSetError<T>; onStale?: () => void } = {},
): Promise<MethodOutput<M> | null> {
  let result = await callResult(method, input);
  if (!result.ok && onlyWarnings(result.error)) {
    if (!(await confirmWarnings(result.error.message, texts))) return null;
    result = await callResult(method, { ...input, acceptWarnings: true } as MethodInput<M>);
  }
  if (result.ok) return result.value;
  const { error } = result;
  if (error.code === 'STALE') {
    notifications.show({ color: 'orange', title: texts.stale, message: error.message });
    options.onStale?.();
    return null;
  }
  if (options.setError !== undefined && error.fields !== undefined) {
    let first = true;
    for (const [path, message] of Object.entries(error.fields)) {
      options.setError(
        formFieldOf(path) as Path<T>,
        { type: 'server', message },
        {
          shouldFocus: first,
        },
      );
      first = false;
    }
  }
  if (error.code !== 'VALIDATION' || options.setError === undefined) {
    notifications.show({
      color: 'red',
      title: error.code === 'CONFLICT' ? texts.refused : undefined,
      message: error.message,
      autoClose: error.code === 'CONFLICT' ? 10_000 : undefined,
    });
  }
  return null;
}
