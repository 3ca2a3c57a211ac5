import { zodResolver } from '@hookform/resolvers/zod';
import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { MethodOutput } from '../../../src/api/contract';
import {
  createStudioSchema,
  DEADLINE_UNITS,
  updateStudioSchema,
} from '../../../src/settings/settings.schema';
import { STUDIO_KINDS } from '../../../src/studios/studio.schema';
import { useFieldError, useSave } from '../use-save';

export type AdminStudio = MethodOutput<'studios/listAll'>[number];

/** The fields both forms share: names, header, number codes, deadline rule. */
function CommonFields({ form }: { form: StudioFormApi }) {
  const { t } = useTranslation();
  const err = useFieldError();
  const errors = form.formState.errors;
  return (
    <>
      <SimpleGrid cols={2}>
        <TextInput
          label={t('studios.nameZh')}
          withAsterisk
          {...form.register('nameZh')}
          error={err(errors.nameZh?.message)}
        />
        <TextInput
          label={t('studios.nameEn')}
          withAsterisk
          {...form.register('nameEn')}
          error={err(errors.nameEn?.message)}
        />
      </SimpleGrid>
      <TextInput
        label={t('studios.committeeName')}
        withAsterisk
        {...form.register('committeeName')}
        error={err(errors.committeeName?.message)}
      />
      <SimpleGrid cols={2}>
        <TextInput
          label={t('studios.numberCode')}
          withAsterisk
          {...form.register('numberCode')}
          error={err(errors.numberCode?.message)}
        />
        <TextInput
          label={t('studios.numberWord')}
          withAsterisk
          {...form.register('numberWord')}
          error={err(errors.numberWord?.message)}
        />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <Controller
          control={form.control}
          name="deadlineAmount"
          render={({ field, fieldState }) => (
            <NumberInput
              label={t('studios.deadlineAmount')}
              withAsterisk
              min={1}
              max={365}
              allowDecimal={false}
              value={field.value}
              onChange={(v) => field.onChange(typeof v === 'number' ? v : undefined)}
              error={err(fieldState.error?.message)}
            />
          )}
        />
        <Controller
          control={form.control}
          name="deadlineUnit"
          render={({ field, fieldState }) => (
            <Select
              label={t('studios.deadlineUnit')}
              withAsterisk
              allowDeselect={false}
              data={DEADLINE_UNITS.map((u) => ({ value: u, label: t(`deadlineUnit.${u}`) }))}
              value={field.value}
              onChange={field.onChange}
              error={err(fieldState.error?.message)}
            />
          )}
        />
      </SimpleGrid>
    </>
  );
}

type StudioFields = z.input<typeof createStudioSchema> & { active?: boolean };
type StudioFormApi = ReturnType<typeof useForm<StudioFields>>;

/** Edit a studio (with its version: STALE if someone saved first) or add one. */
export function StudioForm({
  studio,
  onClose,
}: {
  /** The studio to edit; absent to add one. */
  studio?: AdminStudio;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const save = useSave();
  const err = useFieldError();
  const editing = studio !== undefined;
  const form = useForm<StudioFields>({
    resolver: (zodResolver as (schema: unknown) => Resolver<StudioFields>)(
      editing ? updateStudioSchema.omit({ id: true, version: true }) : createStudioSchema,
    ),
    defaultValues: studio
      ? { ...studio, deadlineUnit: studio.deadlineUnit as StudioFields['deadlineUnit'] }
      : { code: '', kind: 'mediation', deadlineAmount: 30, deadlineUnit: 'calendar_days' },
  });
  const submit = form.handleSubmit(async (values) => {
    const done = editing
      ? await save(
          'studios/update',
          {
            id: studio.id,
            version: studio.version,
            nameZh: values.nameZh,
            nameEn: values.nameEn,
            committeeName: values.committeeName,
            numberCode: values.numberCode,
            numberWord: values.numberWord,
            deadlineAmount: values.deadlineAmount,
            deadlineUnit: values.deadlineUnit,
            active: values.active ?? true,
          },
          form.setError,
        )
      : await save('studios/create', values, form.setError);
    if (done !== null) onClose();
  });
  const name = studio ? (i18n.language === 'en' ? studio.nameEn : studio.nameZh) : '';
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={editing ? t('studios.editTitle', { name }) : t('studios.createTitle')}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {!editing && (
            <SimpleGrid cols={2}>
              <TextInput
                label={t('studios.code')}
                withAsterisk
                {...form.register('code')}
                error={err(form.formState.errors.code?.message)}
              />
              <Controller
                control={form.control}
                name="kind"
                render={({ field, fieldState }) => (
                  <Select
                    label={t('studios.kind')}
                    withAsterisk
                    allowDeselect={false}
                    data={STUDIO_KINDS.map((k) => ({
                      value: k,
                      label: t(`label.studioKind.${k}`),
                    }))}
                    value={field.value}
                    onChange={field.onChange}
                    error={err(fieldState.error?.message)}
                  />
                )}
              />
            </SimpleGrid>
          )}
          <CommonFields form={form} />
          {editing && (
            <Controller
              control={form.control}
              name="active"
              render={({ field }) => (
                <Switch
                  label={t('studios.activeLabel')}
                  checked={field.value ?? true}
                  onChange={(e) => field.onChange(e.currentTarget.checked)}
                />
              )}
            />
          )}
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
