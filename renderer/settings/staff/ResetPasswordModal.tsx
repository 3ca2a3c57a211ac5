import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { resetPasswordSchema } from '../../../src/staff/staff.schema';
import { useFieldError, useSave } from '../use-save';
import type { Account } from './StaffForm';

type Fields = z.input<typeof resetPasswordSchema>;

export function ResetPasswordModal({
  account,
  onClose,
}: {
  account: Account;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSave();
  const err = useFieldError();
  const form = useForm<Fields>({
    resolver: (zodResolver as (schema: unknown) => Resolver<Fields>)(resetPasswordSchema),
    defaultValues: { id: account.id, password: '' },
  });
  const submit = form.handleSubmit(async (values) => {
    if ((await save('staff/resetPassword', values, form.setError)) !== null) onClose();
  });
  return (
    <Modal opened onClose={onClose} title={t('staff.resetTitle', { name: account.displayName })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('staff.resetHint')}
          </Text>
          <PasswordInput
            label={t('staff.newPassword')}
            withAsterisk
            data-autofocus
            autoComplete="new-password"
            {...form.register('password')}
            error={err(form.formState.errors.password?.message)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('staff.resetPassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
