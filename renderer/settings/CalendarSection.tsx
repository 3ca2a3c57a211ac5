import { zodResolver } from '@hookform/resolvers/zod';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput, TimePicker } from '@mantine/dates';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useForm, useWatch, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { calendarSetSchema } from '../../src/calendar/calendar.schema';
import { workHoursSchema, type WorkHours } from '../../src/settings/settings.schema';
import { useApiQuery } from '../api/hooks';
import { ErrorState } from '../shared/ErrorState';
import { useFieldError, useSave } from './use-save';

/** The State Council's holiday notices on gov.cn (opened in the browser: electron/external-links). */
const HOLIDAY_NOTICES = 'https://www.gov.cn/zhengce/';

function WorkHoursForm({ hours }: { hours: WorkHours }) {
  const { t } = useTranslation();
  const save = useSave();
  const err = useFieldError();
  const form = useForm<WorkHours>({
    resolver: (zodResolver as (schema: unknown) => Resolver<WorkHours>)(workHoursSchema),
    defaultValues: hours,
  });
  const breakStart = useWatch({ control: form.control, name: 'breakStart' });
  const submit = form.handleSubmit(async (values) => {
    await save('settings/setWorkHours', values, form.setError);
  });
  const time = (name: keyof WorkHours, label: string) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <TimePicker
          label={label}
          format="24h"
          value={field.value ?? ''}
          onChange={(v) => field.onChange(v)}
          error={err(fieldState.error?.message)}
        />
      )}
    />
  );
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate>
      <Stack>
        <Title order={4}>{t('hours.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('hours.hint')}
        </Text>
        <SimpleGrid cols={4}>
          {time('start', t('hours.start'))}
          {time('end', t('hours.end'))}
          {breakStart !== null && time('breakStart', t('hours.breakStart'))}
          {breakStart !== null && time('breakEnd', t('hours.breakEnd'))}
        </SimpleGrid>
        <Checkbox
          label={t('hours.noBreak')}
          checked={breakStart === null}
          onChange={(e) => {
            const none = e.currentTarget.checked;
            form.setValue('breakStart', none ? null : '12:00');
            form.setValue('breakEnd', none ? null : '14:00');
          }}
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

type DayFields = z.input<typeof calendarSetSchema>;

function AddDay({ year }: { year: number }) {
  const { t } = useTranslation();
  const save = useSave();
  const err = useFieldError();
  const form = useForm<DayFields>({
    resolver: (zodResolver as (schema: unknown) => Resolver<DayFields>)(calendarSetSchema),
    defaultValues: { date: '', kind: 'holiday', name: '' },
  });
  const submit = form.handleSubmit(async (values) => {
    if ((await save('calendar/set', values, form.setError)) !== null) {
      form.reset({ date: '', kind: values.kind, name: values.name });
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-start">
        <Controller
          control={form.control}
          name="date"
          render={({ field, fieldState }) => (
            <DateInput
              label={t('holidays.date')}
              valueFormat="YYYY-MM-DD"
              defaultDate={`${year}-01-01`}
              value={field.value === '' ? null : field.value}
              onChange={(v) => field.onChange(v ?? '')}
              error={err(fieldState.error?.message)}
              w={160}
            />
          )}
        />
        <Controller
          control={form.control}
          name="kind"
          render={({ field }) => (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('holidays.kind')}
              </Text>
              <SegmentedControl
                value={field.value}
                onChange={field.onChange}
                data={[
                  { value: 'holiday', label: t('holidays.kind.holiday') },
                  { value: 'workday', label: t('holidays.kind.workday') },
                ]}
              />
            </Stack>
          )}
        />
        <TextInput
          label={t('holidays.name')}
          placeholder={t('holidays.namePlaceholder')}
          {...form.register('name')}
          error={err(form.formState.errors.name?.message)}
        />
        <Button type="submit" mt={25}>
          {t('holidays.add')}
        </Button>
      </Group>
    </form>
  );
}

function Holidays() {
  const { t } = useTranslation();
  const save = useSave();
  const [year, setYear] = useState(new Date().getFullYear());
  const days = useApiQuery('calendar/list', { year });
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <Title order={4}>{t('holidays.title')}</Title>
          <NumberInput
            label={t('holidays.year')}
            value={year}
            min={2000}
            max={2100}
            allowDecimal={false}
            onChange={(v) => typeof v === 'number' && v >= 2000 && v <= 2100 && setYear(v)}
            w={110}
          />
        </Group>
        <Text size="sm" c="dimmed">
          {t('holidays.hint')}{' '}
          <Anchor href={HOLIDAY_NOTICES} target="_blank" rel="noreferrer" size="sm">
            {t('holidays.source')}
          </Anchor>
        </Text>
        {days.isPending && <Loader size="sm" />}
        {days.isError && <ErrorState error={days.error} />}
        {days.data && !days.data.configured && (
          <Alert color="yellow">{t('holidays.notConfigured', { year })}</Alert>
        )}
        <AddDay year={year} />
        {days.data && days.data.entries.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('holidays.none')}
          </Text>
        ) : (
          <Table striped aria-label={t('holidays.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('holidays.date')}</Table.Th>
                <Table.Th>{t('holidays.kind')}</Table.Th>
                <Table.Th>{t('holidays.name')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(days.data?.entries ?? []).map((d) => (
                <Table.Tr key={d.date}>
                  <Table.Td ff="monospace">{d.date}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={d.kind === 'holiday' ? 'red' : 'blue'} tt="none">
                      {t(`holidays.kind.${d.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{d.name}</Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('holidays.remove', { date: d.date })}
                      onClick={() => void save('calendar/remove', { date: d.date })}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

/** Settings → Working hours, holidays and make-up working days. */
export function CalendarSection() {
  const hours = useApiQuery('settings/workHours', {});
  if (hours.isPending) return <Loader />;
  if (hours.isError) return <ErrorState error={hours.error} onRetry={() => void hours.refetch()} />;
  return (
    <Stack>
      <WorkHoursForm hours={hours.data} />
      <Holidays />
    </Stack>
  );
}
