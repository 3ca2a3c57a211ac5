import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Select, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { auditFilterSchema, type AuditFilterInput } from '../../../src/audit/audit.schema';
import { useApiQuery } from '../../api/hooks';
import { useFieldError } from '../use-save';

export type AuditFilter = AuditFilterInput;

/** Date range, person, action, record type and id: each narrows the log. */
export function AuditFilters({
  value,
  onChange,
}: {
  value: AuditFilter;
  onChange: (f: AuditFilter) => void;
}) {
  const { t } = useTranslation();
  const err = useFieldError();
  const facets = useApiQuery('audit/facets', {});
  const staff = useApiQuery('staff/list', {});
  const form = useForm<AuditFilter>({
    resolver: (zodResolver as (schema: unknown) => Resolver<AuditFilter>)(auditFilterSchema),
    defaultValues: value,
  });
  const submit = form.handleSubmit((values) => onChange(values));
  const select = (name: 'method' | 'entity', label: string, data: string[]) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <Select
          label={label}
          data={data}
          value={field.value ?? null}
          onChange={(v) => field.onChange(v ?? undefined)}
          clearable
          searchable
          w={200}
        />
      )}
    />
  );
  const date = (name: 'from' | 'to', label: string) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <DateInput
          label={label}
          valueFormat="YYYY-MM-DD"
          clearable
          value={field.value ?? null}
          onChange={(v) => field.onChange(v ?? undefined)}
          error={err(fieldState.error?.message)}
          w={150}
        />
      )}
    />
  );
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end" gap="sm">
        {date('from', t('audit.from'))}
        {date('to', t('audit.to'))}
        <Controller
          control={form.control}
          name="staffId"
          render={({ field }) => (
            <Select
              label={t('audit.staff')}
              data={(staff.data ?? []).map((s) => ({ value: String(s.id), label: s.displayName }))}
              value={field.value === undefined ? null : String(field.value)}
              onChange={(v) => field.onChange(v === null ? undefined : Number(v))}
              clearable
              searchable
              w={150}
            />
          )}
        />
        {select('method', t('audit.method'), facets.data?.methods ?? [])}
        {select('entity', t('audit.entity'), facets.data?.entities ?? [])}
        <TextInput
          label={t('audit.entityId')}
          w={120}
          {...form.register('entityId', {
            setValueAs: (v: string) => (v.trim() === '' ? undefined : v),
          })}
          error={err(form.formState.errors.entityId?.message)}
        />
        <Button type="submit">{t('audit.filter')}</Button>
        <Button
          variant="subtle"
          onClick={() => {
            form.reset({});
            onChange({});
          }}
        >
          {t('audit.clear')}
        </Button>
      </Group>
    </form>
  );
}
