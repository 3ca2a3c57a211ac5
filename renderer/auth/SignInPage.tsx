import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { signInSchema } from '../../src/staff/staff.schema';
import { callResult } from '../api/client';
import { LanguageSwitch } from '../shell/LanguageSwitch';

type SignInForm = z.input<typeof signInSchema>;

export function SignInPage({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SignInForm>({
    resolver: zodResolver(signInSchema),
    defaultValues: { username: '', password: '' },
  });
  const err = (name: keyof SignInForm) => {
    const message = form.formState.errors[name]?.message;
    return message ? t(message) : undefined;
  };
  const submit = form.handleSubmit(async (input) => {
    setFormError(null);
    const result = await callResult('auth/signIn', input);
    if (result.ok) onDone();
    else setFormError(result.error.message);
  });

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={400} component="form" onSubmit={submit} noValidate>
        <Stack>
          <Group justify="space-between">
            <Title order={3}>{t('auth.signInTitle')}</Title>
            <LanguageSwitch />
          </Group>
          {formError && <Alert color="red">{formError}</Alert>}
          <TextInput
            label={t('auth.username')}
            {...form.register('username')}
            error={err('username')}
            autoComplete="username"
            autoFocus
          />
          <PasswordInput
            label={t('auth.password')}
            {...form.register('password')}
            error={err('password')}
            autoComplete="current-password"
          />
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('auth.signIn')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
