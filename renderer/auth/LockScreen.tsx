import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Caller } from '../../src/api/method';
import { signInSchema, unlockSchema } from '../../src/staff/staff.schema';
import { callResult } from '../api/client';
import { applyServerErrors } from '../shared/form-errors';
import { LanguageSwitch } from '../shell/LanguageSwitch';

type UnlockFields = z.input<typeof unlockSchema>;
type SwitchFields = z.input<typeof signInSchema>;

interface Props {
  readonly caller: Caller;
  readonly onUnlocked: () => void;
  /** A colleague signed in instead: the window is theirs now. */
  readonly onSwitched: (caller: Caller) => void;
  readonly onSignOut: () => void;
}

function UnlockForm({ caller, onUnlocked }: Pick<Props, 'caller' | 'onUnlocked'>) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<UnlockFields>({
    resolver: (zodResolver as (schema: unknown) => Resolver<UnlockFields>)(unlockSchema),
    defaultValues: { password: '' },
  });
  const submit = form.handleSubmit(async (input) => {
    setFormError(null);
    const result = await callResult('auth/unlock', input);
    if (result.ok) {
      onUnlocked();
      return;
    }
    form.resetField('password');
    if (!applyServerErrors(result.error, form.setError)) setFormError(result.error.message);
  });
  const message = form.formState.errors.password?.message;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('lock.text', { name: caller.displayName })}</Text>
        {formError && <Alert color="red">{formError}</Alert>}
        <PasswordInput
          label={t('auth.password')}
          autoFocus
          autoComplete="current-password"
          {...form.register('password')}
          error={message ? t(message) : undefined}
        />
        <Button type="submit" loading={form.formState.isSubmitting}>
          {t('lock.unlock')}
        </Button>
      </Stack>
    </form>
  );
}

function SwitchForm({
  caller,
  onSwitched,
  onBack,
}: Pick<Props, 'caller' | 'onSwitched'> & { onBack: () => void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SwitchFields>({
    resolver: (zodResolver as (schema: unknown) => Resolver<SwitchFields>)(signInSchema),
    defaultValues: { username: '', password: '' },
  });
  const submit = form.handleSubmit(async (input) => {
    setFormError(null);
    const result = await callResult('auth/signIn', input);
    if (result.ok) onSwitched(result.value);
    else setFormError(result.error.message);
  });
  const err = (name: keyof SwitchFields) => {
    const message = form.formState.errors[name]?.message;
    return message ? t(message) : undefined;
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('lock.switchText', { name: caller.displayName })}
        </Text>
        {formError && <Alert color="red">{formError}</Alert>}
        <TextInput
          label={t('auth.username')}
          autoFocus
          autoComplete="username"
          {...form.register('username')}
          error={err('username')}
        />
        <PasswordInput
          label={t('auth.password')}
          autoComplete="current-password"
          {...form.register('password')}
          error={err('password')}
        />
        <Button type="submit" loading={form.formState.isSubmitting}>
          {t('auth.signIn')}
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={onBack}>
          {t('lock.backToUnlock')}
        </Anchor>
      </Stack>
    </form>
  );
}

/**
 * Covers the whole window (modals and notifications included) while the session is locked: the
 * same person unlocks with their password, a colleague switches to their own account.
 */
export function LockScreen({ caller, onUnlocked, onSwitched, onSignOut }: Props) {
  const { t } = useTranslation();
  const [switching, setSwitching] = useState(false);
  return (
    <Box
      role="dialog"
      aria-modal
      aria-label={t('lock.title')}
      pos="fixed"
      inset={0}
      bg="gray.1"
      style={{ zIndex: 10_000 }}
    >
      <Center h="100%">
        <Paper withBorder shadow="md" p="xl" w={420}>
          <Stack>
            <Group justify="space-between">
              <Group gap="sm">
                <ThemeIcon size={40} radius="xl" variant="light">
                  <IconLock size={22} />
                </ThemeIcon>
                <Title order={3}>{switching ? t('lock.switchTitle') : t('lock.title')}</Title>
              </Group>
              <LanguageSwitch />
            </Group>
            {switching ? (
              <SwitchForm
                caller={caller}
                onSwitched={onSwitched}
                onBack={() => setSwitching(false)}
              />
            ) : (
              <UnlockForm caller={caller} onUnlocked={onUnlocked} />
            )}
            {!switching && (
              <Group justify="space-between">
                <Button variant="subtle" size="xs" onClick={() => setSwitching(true)}>
                  {t('lock.switchUser')}
                </Button>
                <Button variant="subtle" size="xs" color="gray" onClick={onSignOut}>
                  {t('lock.signOut')}
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
