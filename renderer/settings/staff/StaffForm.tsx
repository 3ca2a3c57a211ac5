import { zodResolver } from '@hookform/resolvers/zod';
import {
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  PasswordInput,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { MethodOutput } from '../../../src/api/contract';
import { createStaffSchema, ROLES, updateStaffSchema } from '../../../src/staff/staff.schema';
import { useStudioName, useStudios } from '../../shared/studios';
import { useFieldError, useSave } from '../use-save';

export type Account = MethodOutput<'staff/accounts'>[number];
type Fields = z.input<typeof createStaffSchema>;

/** Add a staff member (with a first password) or change one's name, roles and studios. */
export function StaffForm({ account, onClose }: { account?: Account; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSave();
  const err = useFieldError();
  const studios = useStudios();
  const studioName = useStudioName();
  const editing = account !== undefined;
  const form = useForm<Fields>({
    resolver: (zodResolver as (schema: unknown) => Resolver<Fields>)(
      editing ? updateStaffSchema.omit({ id: true, version: true }) : createStaffSchema,
    ),
    defaultValues: account
      ? {
          displayName: account.displayName,
          roles: [...account.roles],
          studioIds: [...account.studioIds],
        }
      : { displayName: '', username: '', password: '', roles: [], studioIds: [] },
  });
  const submit = form.handleSubmit(async (values) => {
    const done = editing
      ? await save(
          'staff/update',
          {
            id: account.id,
            version: account.version,
            displayName: values.displayName,
            roles: values.roles,
            studioIds: values.studioIds ?? [],
          },
          form.setError,
        )
      : await save('staff/create', values, form.setError);
    if (done !== null) onClose();
  });
  const errors = form.formState.errors;
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={editing ? t('staff.editTitle', { name: account.displayName }) : t('staff.createTitle')}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={editing ? 1 : 2}>
            <TextInput
              label={t('auth.displayName')}
              withAsterisk
              data-autofocus
              {...form.register('displayName')}
              error={err(errors.displayName?.message)}
            />
            {!editing && (
              <TextInput
                label={t('auth.username')}
                withAsterisk
                autoComplete="off"
                {...form.register('username')}
                error={err(errors.username?.message)}
              />
            )}
          </SimpleGrid>
          {!editing && (
            <PasswordInput
              label={t('staff.password')}
              withAsterisk
              autoComplete="new-password"
              {...form.register('password')}
              error={err(errors.password?.message)}
            />
          )}
          <Controller
            control={form.control}
            name="roles"
            render={({ field, fieldState }) => (
              <Checkbox.Group
                label={t('auth.roles')}
                withAsterisk
                value={field.value}
                onChange={field.onChange}
                error={err(fieldState.error?.message)}
              >
                <Group mt="xs">
                  {ROLES.map((role) => (
                    <Checkbox key={role} value={role} label={t(`label.role.${role}`)} />
                  ))}
                </Group>
              </Checkbox.Group>
            )}
          />
          <Controller
            control={form.control}
            name="studioIds"
            render={({ field, fieldState }) => (
              <MultiSelect
                label={t('staff.studios')}
                data={(studios.data ?? []).map((s) => ({
                  value: String(s.id),
                  label: studioName(s),
                }))}
                value={(field.value ?? []).map(String)}
                onChange={(v) => field.onChange(v.map(Number))}
                error={err(fieldState.error?.message)}
                clearable
                searchable
              />
            )}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
