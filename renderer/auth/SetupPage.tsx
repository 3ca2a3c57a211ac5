import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Center,
  Checkbox,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ROLES, setupSchema } from '../../src/staff/staff.schema';
import { callResult } from '../api/client';
import { applyServerErrors } from '../shared/form-errors';
import { LanguageSwitch } from '../shell/LanguageSwitch';

const formSchema = setupSchema
  .extend({ passwordRepeat: z.string() })
  .refine((v) => v.password === v.passwordRepeat, {
    path: ['passwordRepeat'],
    message: 'validation.passwordMismatch',
  });
type SetupForm = z.input<typeof formSchema>;

export function SetupPage({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SetupForm>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      displayName: '',
      username: '',
      password: '',
      passwordRepeat: '',
      roles: [...ROLES],
    },
  });
  const err = (name: keyof SetupForm) => {
    const message = form.formState.errors[name]?.message;
    return message ? t(message) : undefined;
  };

  const submit = form.handleSubmit(async ({ passwordRepeat: _unused, ...input }) => {
    setFormError(null);
    const result = await callResult('auth/setup', input);
    if (result.ok) onDone();
    else if (!applyServerErrors(result.error, form.setError)) setFormError(result.error.message);
  });

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={480} component="form" onSubmit={submit} noValidate>
        <Stack>
          <Group justify="space-between">
            <Title order={3}>{t('auth.setupTitle')}</Title>
            <LanguageSwitch />
          </Group>
          <Text size="sm" c="dimmed">
            {t('auth.setupText')}
          </Text>
          {formError && <Alert color="red">{formError}</Alert>}
          <TextInput
            label={t('auth.displayName')}
            withAsterisk
            {...form.register('displayName')}
            error={err('displayName')}
            data-autofocus
            autoFocus
          />
          <TextInput
            label={t('auth.username')}
            withAsterisk
            {...form.register('username')}
            error={err('username')}
            autoComplete="username"
          />
          <PasswordInput
            label={t('auth.password')}
            withAsterisk
            {...form.register('password')}
            error={err('password')}
            autoComplete="new-password"
          />
          <PasswordInput
            label={t('auth.passwordRepeat')}
            withAsterisk
            {...form.register('passwordRepeat')}
            error={err('passwordRepeat')}
            autoComplete="new-password"
          />
          <Controller
            control={form.control}
            name="roles"
            render={({ field, fieldState }) => (
              <Checkbox.Group
                label={t('auth.roles')}
                value={field.value}
                onChange={field.onChange}
                error={fieldState.error?.message ? t(fieldState.error.message) : undefined}
              >
                <Group mt="xs">
                  {ROLES.map((role) => (
                    <Checkbox
                      key={role}
                      value={role}
                      label={t(`label.role.${role}`)}
                      disabled={role === 'admin'}
                    />
                  ))}
                </Group>
              </Checkbox.Group>
            )}
          />
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('auth.createAccount')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
