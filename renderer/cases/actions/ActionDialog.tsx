import { zodResolver } from '@hookform/resolvers/zod';
import {
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { Controller, useForm, useWatch, type FieldValues, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CaseAction } from '../../../src/cases/case-lifecycle';
import { useApiQuery } from '../../api/hooks';
import { useStudioName, useStudios } from '../../shared/studios';
import { ACTION_FORMS, type FieldSpec } from './action-forms';
import { runAction } from './run-action';

interface Props {
  readonly action: CaseAction;
  readonly caseId: number;
  readonly version: number;
  readonly studioId: number;
  readonly mediatorIds: readonly number[];
  readonly onClose: () => void;
  readonly onDone: (value: unknown) => void;
  readonly onStale: () => void;
}

/** One case action as a small form in a modal, validated by the core's own schema. */
export function ActionDialog({
  action,
  caseId,
  version,
  studioId,
  mediatorIds,
  onClose,
  onDone,
  onStale,
}: Props) {
  const { t } = useTranslation();
  const spec = ACTION_FORMS[action];
  const studios = useStudios();
  const studioName = useStudioName();
  const staff = useApiQuery('staff/list', {}, { enabled: action === 'assignMediators' });
  const form = useForm<FieldValues>({
    resolver: spec
      ? (zodResolver as (schema: unknown) => Resolver<FieldValues>)(spec.schema)
      : undefined,
    defaultValues: {
      id: caseId,
      version,
      ...(action === 'assignMediators' ? { staffIds: [...mediatorIds] } : {}),
    },
  });
  const values = useWatch({ control: form.control });
  if (!spec) return null;

  const optionsFor = (field: Extract<FieldSpec, { kind: 'select' | 'multiselect' }>) => {
    if (field.options === 'studios') {
      return (studios.data ?? [])
        .filter((s) => s.id !== studioId)
        .map((s) => ({ value: String(s.id), label: studioName(s) }));
    }
    if (field.options === 'mediators') {
      return (staff.data ?? [])
        .filter((m) => m.active && m.roles.includes('mediator') && m.studioIds.includes(studioId))
        .map((m) => ({ value: String(m.id), label: m.displayName }));
    }
    const prefix = 'labelPrefix' in field ? field.labelPrefix : undefined;
    return field.options.map((o) => ({ value: o, label: prefix ? t(`${prefix}.${o}`) : o }));
  };
  const errorOf = (name: string) => {
    const message = form.formState.errors[name]?.message;
    return typeof message === 'string' ? t(message) : undefined;
  };

  const renderField = (field: FieldSpec) => {
    if (field.showWhen && values[field.showWhen.field] !== field.showWhen.equals) return null;
    const label = t(`field.${field.name}`);
    const common = { label, withAsterisk: field.required, error: errorOf(field.name) };
    switch (field.kind) {
      case 'textarea':
        return (
          <Textarea
            key={field.name}
            {...common}
            autosize
            minRows={3}
            {...form.register(field.name)}
            data-autofocus
          />
        );
      case 'text':
        return (
          <TextInput
            key={field.name}
            {...common}
            {...form.register(field.name, {
              setValueAs: (v: string) => (v === '' ? undefined : v),
            })}
          />
        );
      case 'date':
        return (
          <Controller
            key={field.name}
            control={form.control}
            name={field.name}
            render={({ field: f }) => (
              <DateInput
                {...common}
                valueFormat="YYYY-MM-DD"
                clearable
                value={(f.value as string | undefined) ?? null}
                onChange={(v) => f.onChange(v ?? undefined)}
              />
            )}
          />
        );
      case 'number':
        return (
          <Controller
            key={field.name}
            control={form.control}
            name={field.name}
            render={({ field: f }) => (
              <NumberInput
                {...common}
                min={field.min}
                max={field.max}
                value={f.value as number | undefined}
                onChange={(v) => f.onChange(typeof v === 'number' ? v : undefined)}
              />
            )}
          />
        );
      case 'multiselect':
        return (
          <Controller
            key={field.name}
            control={form.control}
            name={field.name}
            render={({ field: f }) => (
              <MultiSelect
                {...common}
                data={optionsFor(field)}
                value={((f.value as number[] | undefined) ?? []).map(String)}
                onChange={(v) => f.onChange(v.map(Number))}
                searchable
              />
            )}
          />
        );
      case 'select': {
        const numeric = field.options === 'studios';
        return (
          <Controller
            key={field.name}
            control={form.control}
            name={field.name}
            render={({ field: f }) => (
              <Select
                {...common}
                data={optionsFor(field)}
                value={f.value === undefined ? null : String(f.value)}
                onChange={(v) => f.onChange(v === null ? undefined : numeric ? Number(v) : v)}
                searchable
              />
            )}
          />
        );
      }
    }
  };

  const submit = form.handleSubmit(async (values) => {
    const value = await runAction(spec.method, values as never, {
      setError: form.setError,
      onStale,
      staleText: t('action.stale'),
    });
    if (value === null) return;
    notifications.show({ color: 'teal', message: t(`action.done.${action}`) });
    onDone(value);
  });

  return (
    <Modal opened onClose={onClose} title={t(`action.${action}`)} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {spec.fields.length === 0 && <Text size="sm">{t(`action.confirm.${action}`)}</Text>}
          {spec.fields.map(renderField)}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              color={spec.tone === 'danger' ? 'red' : undefined}
              loading={form.formState.isSubmitting}
            >
              {t(`action.${action}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
