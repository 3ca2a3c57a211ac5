import { zodResolver } from '@hookform/resolvers/zod';
import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { WallTimeInput } from './WallTimeInput';
import { notifications } from '@mantine/notifications';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { openReceptionSlotsSchema } from '../../src/schedule/session.schema';
import { useApiQuery } from '../api/hooks';
import { useStudios } from '../shared/studios';
import { saveSession } from './save-session';
import { useSaveTexts, useSessionLabels } from './use-schedule';

type Values = z.input<typeof openReceptionSlotsSchema>;

/** 领导接访日: a leader's reception slots on one date, for reception to book petitioners into. */
export function ReceptionDayDialog({
  date,
  onClose,
  onDone,
}: {
  date: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const labels = useSessionLabels();
  const texts = useSaveTexts();
  const studios = useStudios();
  const staff = useApiQuery('staff/list', {});
  const rooms = (studios.data ?? []).filter((s) => s.kind === 'petition').flatMap((s) => s.rooms);
  const form = useForm<Values>({
    resolver: zodResolver(openReceptionSlotsSchema),
    defaultValues: {
      date,
      firstStart: '09:00',
      slotMinutes: 30,
      count: 6,
      notes: '',
      roomId: rooms.at(-1)?.id,
    },
  });
  const error = (name: keyof Values) => {
    const message = form.formState.errors[name]?.message;
    return typeof message === 'string' ? t(message) : undefined;
  };
  const submit = form.handleSubmit(async (v) => {
    const done = await saveSession('schedule/openReceptionSlots', v, texts, {
      setError: form.setError,
    });
    if (done === null) return;
    notifications.show({
      color: 'teal',
      message: t('schedule.reception.opened', { count: done.ids.length }),
    });
    onDone();
  });
  return (
    <Modal opened onClose={onClose} title={t('schedule.reception.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={2}>
            <Controller
              control={form.control}
              name="roomId"
              render={({ field }) => (
                <Select
                  label={t('schedule.field.room')}
                  withAsterisk
                  data={rooms.map((r) => ({
                    value: String(r.id),
                    label: labels.room({ roomNameZh: r.nameZh, roomNameEn: r.nameEn }),
                  }))}
                  value={field.value === undefined ? null : String(field.value)}
                  onChange={(v) => field.onChange(v === null ? undefined : Number(v))}
                  error={error('roomId')}
                />
              )}
            />
            <Controller
              control={form.control}
              name="leaderStaffId"
              render={({ field }) => (
                <Select
                  label={t('schedule.reception.leader')}
                  withAsterisk
                  searchable
                  data={(staff.data ?? [])
                    .filter((s) => s.active)
                    .map((s) => ({ value: String(s.id), label: s.displayName }))}
                  value={field.value === undefined ? null : String(field.value)}
                  onChange={(v) => field.onChange(v === null ? undefined : Number(v))}
                  error={error('leaderStaffId')}
                />
              )}
            />
          </SimpleGrid>
          <SimpleGrid cols={4}>
            <Controller
              control={form.control}
              name="date"
              render={({ field }) => (
                <DateInput
                  label={t('schedule.field.date')}
                  withAsterisk
                  valueFormat="YYYY-MM-DD"
                  value={field.value ?? null}
                  onChange={(v) => field.onChange(v ?? undefined)}
                  error={error('date')}
                />
              )}
            />
            <WallTimeInput
              label={t('schedule.reception.firstStart')}
              withAsterisk
              {...form.register('firstStart')}
              error={error('firstStart')}
            />
            <Controller
              control={form.control}
              name="slotMinutes"
              render={({ field }) => (
                <NumberInput
                  label={t('schedule.reception.slotMinutes')}
                  min={10}
                  max={240}
                  step={5}
                  value={field.value}
                  onChange={(v) => field.onChange(typeof v === 'number' ? v : undefined)}
                  error={error('slotMinutes')}
                />
              )}
            />
            <Controller
              control={form.control}
              name="count"
              render={({ field }) => (
                <NumberInput
                  label={t('schedule.reception.count')}
                  min={1}
                  max={20}
                  value={field.value}
                  onChange={(v) => field.onChange(typeof v === 'number' ? v : undefined)}
                  error={error('count')}
                />
              )}
            />
          </SimpleGrid>
          <TextInput label={t('schedule.reception.notes')} {...form.register('notes')} />
          <Group justify="flex-end">
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('schedule.reception.open')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
