import { zodResolver } from '@hookform/resolvers/zod';
import {
  Button,
  Group,
  Loader,
  NumberInput,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  MAX_IDLE_MINUTES,
  MIN_IDLE_MINUTES,
  securitySettingsSchema,
} from '../../src/settings/settings.schema';
import { changePasswordSchema } from '../../src/staff/staff.schema';
import { useApiQuery } from '../api/hooks';
import { ErrorState } from '../shared/ErrorState';
import { useFieldError, useSave } from './use-save';

type IdleFields = z.input<typeof securitySettingsSchema>;
type PasswordFields = z.input<typeof changePasswordSchema>;

function IdleLockForm({ minutes }: { minutes: number }) {
  const { t } = useTranslation();
  const save = useSave();
  const err = useFieldError();
  const form = useForm<IdleFields>({
    resolver: (zodResolver as (schema: unknown) => Resolver<IdleFields>)(securitySettingsSchema),
    defaultValues: { idleLockMinutes: minutes },
  });
  const submit = form.handleSubmit(async (values) => {
    await save('settings/setSecurity', values, form.setError);
  });
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate>
      <Stack>
        <Title order={4}>{t('security.title')}</Title>
        <Controller
          control={form.control}
          name="idleLockMinutes"
          render={({ field, fieldState }) => (
            <NumberInput
              label={t('security.idleMinutes')}
              description={t('security.idleHint')}
              min={MIN_IDLE_MINUTES}
              max={MAX_IDLE_MINUTES}
              allowDecimal={false}
              value={field.value}
              onChange={(v) => field.onChange(typeof v === 'number' ? v : undefined)}
              error={err(fieldState.error?.message)}
              w={360}
            />
          )}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function ChangePasswordForm() {
  const { t } = useTranslation();
  const save = useSave();
  const err = useFieldError();
  const form = useForm<PasswordFields>({
    resolver: (zodResolver as (schema: unknown) => Resolver<PasswordFields>)(changePasswordSchema),
    defaultValues: { currentPassword: '', newPassword: '' },
  });
  const submit = form.handleSubmit(async (values) => {
    if ((await save('auth/changePassword', values, form.setError, { quiet: true })) !== null) {
      notifications.show({ color: 'green', message: t('security.passwordChanged') });
      form.reset();
    }
  });
  const errors = form.formState.errors;
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate>
      <Stack>
        <Title order={4}>{t('security.passwords')}</Title>
        <Text size="sm" c="dimmed">
          {t('security.passwordsText')}
        </Text>
        <Text size="sm" fw={500}>
          {t('security.changePassword')}
        </Text>
        <SimpleGrid cols={2}>
          <PasswordInput
            label={t('security.currentPassword')}
            autoComplete="current-password"
            {...form.register('currentPassword')}
            error={err(errors.currentPassword?.message)}
          />
          <PasswordInput
            label={t('security.newPassword')}
            autoComplete="new-password"
            {...form.register('newPassword')}
            error={err(errors.newPassword?.message)}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={form.formState.isSubmitting}>
            {t('security.changePassword')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Settings → Security: the idle lock, and one's own password. */
export function SecuritySection() {
  const settings = useApiQuery('settings/get', {});
  if (settings.isPending) return <Loader />;
  if (settings.isError)
    return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <Stack>
      <IdleLockForm minutes={settings.data.security.idleLockMinutes} />
      <ChangePasswordForm />
    </Stack>
  );
}
