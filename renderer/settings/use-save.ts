import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FieldValues, UseFormSetError } from 'react-hook-form';
import type { MethodInput, MethodName, MethodOutput } from '../../src/api/contract';
import { callResult } from '../api/client';
import { applyServerErrors } from '../shared/form-errors';

/**
 * Saving on the settings screens: a confirmation when it worked, field errors next to their
 * fields, a stale save reloaded (never overwritten), anything else as a red notification. Every
 * list is refetched afterwards, so the screen shows what the core stored.
 */
export function useSave() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return async function save<M extends MethodName, T extends FieldValues = FieldValues>(
    method: M,
    input: MethodInput<M>,
    setError?: UseFormSetError<T>,
    options: { readonly quiet?: boolean } = {},
  ): Promise<MethodOutput<M> | null> {
    const result = await callResult(method, input);
    if (result.ok) {
      if (options.quiet !== true) {
        notifications.show({ color: 'green', message: t('settings.saved') });
      }
      await queryClient.invalidateQueries();
      return result.value;
    }
    const { error } = result;
    if (error.code === 'STALE') {
      notifications.show({ color: 'orange', title: t('settings.stale'), message: error.message });
      await queryClient.invalidateQueries();
      return null;
    }
    if (setError !== undefined && applyServerErrors(error, setError)) return null;
    notifications.show({ color: 'red', message: error.message });
    return null;
  };
}

/** A zod message key (or a message the core already localized) in the interface language. */
export function useFieldError() {
  const { t } = useTranslation();
  return (message: unknown): string | undefined =>
    typeof message === 'string' && message !== '' ? t(message) : undefined;
}
