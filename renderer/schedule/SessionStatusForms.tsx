import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { WallTimeInput } from './WallTimeInput';
import { notifications } from '@mantine/notifications';
import { Controller, useForm, type FieldValues, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  instantsOf,
  postponeFormSchema,
  type PostponeFormValues,
} from '../../src/schedule/session-form.schema';
import {
  cancelSessionSchema,
  markHeldSchema,
  noShowSchema,
} from '../../src/schedule/session.schema';
import { centerWallTime } from '../../src/schedule/session-time.schema';
import { useStudios } from '../shared/studios';
import { saveSession } from './save-session';
import type { SessionItem } from './session-events';
import { useSaveTexts, useSessionLabels } from './use-schedule';

export type StatusAction = 'held' | 'noShow' | 'cancel' | 'postpone';

interface Props {
  readonly action: StatusAction;
  readonly session: SessionItem;
  readonly onClose: () => void;
  readonly onDone: (result: { caseStatus?: string | null; id: number }) => void;
}

const resolver = (schema: z.ZodType) =>
  (zodResolver as (schema: unknown) => Resolver<FieldValues>)(schema);

/** The four things that happen to a scheduled session, each a small form in a modal. */
export function SessionStatusForm({ action, session, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const title = t(`schedule.action.${action}`);
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      {action === 'held' && <HeldForm session={session} onDone={onDone} />}
      {action === 'noShow' && <NoShowForm session={session} onDone={onDone} />}
      {action === 'cancel' && <CancelForm session={session} onDone={onDone} />}
      {action === 'postpone' && <PostponeForm session={session} onDone={onDone} />}
    </Modal>
  );
}

type FormProps = Pick<Props, 'session' | 'onDone'>;

function useMessage() {
  const { t } = useTranslation();
  return (key: unknown) => (typeof key === 'string' ? t(key) : undefined);
}

function SubmitRow({
  label,
  loading,
  danger,
}: {
  label: string;
  loading: boolean;
  danger?: boolean;
}) {
  return (
    <Group justify="flex-end">
      <Button type="submit" loading={loading} color={danger ? 'red' : undefined}>
        {label}
      </Button>
    </Group>
  );
}

/** Who from a list, as checkboxes (attended / did not come). */
function PeopleChecks(props: {
  label: string;
  people: readonly { id: number; name: string }[];
  value: number[];
  onChange: (ids: number[]) => void;
  error?: string;
}) {
  return (
    <Checkbox.Group
      label={props.label}
      value={props.value.map(String)}
      onChange={(v) => props.onChange(v.map(Number))}
      error={props.error}
    >
      <Group mt={4}>
        {props.people.map((p) => (
          <Checkbox key={p.id} value={String(p.id)} label={p.name} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}

/** 已举行: the record and who came (everyone, unless unticked). */
function HeldForm({ session, onDone }: FormProps) {
  const { t } = useTranslation();
  const message = useMessage();
  const texts = useSaveTexts();
  const form = useForm<FieldValues>({
    resolver: resolver(markHeldSchema),
    defaultValues: {
      id: session.id,
      version: session.version,
      record: '',
      attendedStaffIds: session.staff.map((s) => s.id),
      attendedPartyIds: session.parties.map((p) => p.id),
    },
  });
  const submit = form.handleSubmit(async (v) => {
    const done = await saveSession('schedule/markHeld', v as never, texts, {
      setError: form.setError,
    });
    if (done === null) return;
    notifications.show({ color: 'teal', message: t('schedule.done.held') });
    onDone(done);
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Textarea
          label={t('schedule.field.record')}
          withAsterisk
          autosize
          minRows={4}
          data-autofocus
          {...form.register('record')}
          error={message(form.formState.errors.record?.message)}
        />
        <Controller
          control={form.control}
          name="attendedStaffIds"
          render={({ field }) => (
            <PeopleChecks
              label={t('schedule.field.attendedStaff')}
              people={session.staff.map((s) => ({ id: s.id, name: s.displayName }))}
              value={field.value as number[]}
              onChange={field.onChange}
              error={message(form.formState.errors.attendedStaffIds?.message)}
            />
          )}
        />
        <Controller
          control={form.control}
          name="attendedPartyIds"
          render={({ field }) => (
            <PeopleChecks
              label={t('schedule.field.attendedParties')}
              people={session.parties}
              value={field.value as number[]}
              onChange={field.onChange}
              error={message(form.formState.errors.attendedPartyIds?.message)}
            />
          )}
        />
        <SubmitRow label={t('schedule.action.held')} loading={form.formState.isSubmitting} />
      </Stack>
    </form>
  );
}

/** 缺席: who did not come. */
function NoShowForm({ session, onDone }: FormProps) {
  const { t } = useTranslation();
  const message = useMessage();
  const texts = useSaveTexts();
  const form = useForm<FieldValues>({
    resolver: resolver(noShowSchema),
    defaultValues: { id: session.id, version: session.version, absentPartyIds: [], note: '' },
  });
  const submit = form.handleSubmit(async (v) => {
    const done = await saveSession('schedule/markNoShow', v as never, texts, {
      setError: form.setError,
    });
    if (done === null) return;
    notifications.show({ color: 'teal', message: t('schedule.done.noShow') });
    onDone(done);
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Controller
          control={form.control}
          name="absentPartyIds"
          render={({ field }) => (
            <PeopleChecks
              label={t('schedule.field.absent')}
              people={session.parties}
              value={field.value as number[]}
              onChange={field.onChange}
              error={message(form.formState.errors.absentPartyIds?.message)}
            />
          )}
        />
        <Textarea label={t('schedule.field.note')} autosize {...form.register('note')} />
        <SubmitRow label={t('schedule.action.noShow')} loading={form.formState.isSubmitting} />
      </Stack>
    </form>
  );
}

function CancelForm({ session, onDone }: FormProps) {
  const { t } = useTranslation();
  const message = useMessage();
  const texts = useSaveTexts();
  const form = useForm<FieldValues>({
    resolver: resolver(cancelSessionSchema),
    defaultValues: { id: session.id, version: session.version, reason: '' },
  });
  const submit = form.handleSubmit(async (v) => {
    const done = await saveSession('schedule/cancel', v as never, texts, {
      setError: form.setError,
    });
    if (done === null) return;
    notifications.show({ color: 'teal', message: t('schedule.done.cancel') });
    onDone(done);
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Textarea
          label={t('schedule.field.reason')}
          withAsterisk
          autosize
          data-autofocus
          {...form.register('reason')}
          error={message(form.formState.errors.reason?.message)}
        />
        <SubmitRow
          label={t('schedule.action.cancel')}
          loading={form.formState.isSubmitting}
          danger
        />
      </Stack>
    </form>
  );
}

/** 改期: a new date and time (the same people), and why. */
function PostponeForm({ session, onDone }: FormProps) {
  const { t } = useTranslation();
  const message = useMessage();
  const texts = useSaveTexts();
  const labels = useSessionLabels();
  const studios = useStudios();
  const rooms = studios.data?.find((s) => s.id === session.studioId)?.rooms ?? [];
  const from = centerWallTime(session.start);
  const form = useForm<PostponeFormValues>({
    resolver: zodResolver(postponeFormSchema),
    defaultValues: {
      date: from.date,
      startTime: from.time,
      endTime: centerWallTime(session.end).time,
      roomId: session.roomId,
      reason: '',
    },
  });
  const submit = form.handleSubmit(async (v) => {
    const done = await saveSession(
      'schedule/postpone',
      {
        id: session.id,
        version: session.version,
        ...instantsOf(v),
        roomId: v.roomId,
        reason: v.reason,
      },
      texts,
      { setError: form.setError },
    );
    if (done === null) return;
    notifications.show({ color: 'teal', message: t('schedule.done.postpone') });
    onDone(done);
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={3}>
          <Controller
            control={form.control}
            name="date"
            render={({ field }) => (
              <DateInput
                label={t('schedule.field.newDate')}
                withAsterisk
                valueFormat="YYYY-MM-DD"
                value={field.value ?? null}
                onChange={(v) => field.onChange(v ?? undefined)}
                error={message(errors.date?.message)}
              />
            )}
          />
          <WallTimeInput
            label={t('schedule.field.start')}
            withAsterisk
            {...form.register('startTime')}
            error={message(errors.startTime?.message)}
          />
          <WallTimeInput
            label={t('schedule.field.end')}
            withAsterisk
            {...form.register('endTime')}
            error={message(errors.endTime?.message)}
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="roomId"
          render={({ field }) => (
            <Select
              label={t('schedule.field.room')}
              data={rooms.map((r) => ({
                value: String(r.id),
                label: labels.room({ roomNameZh: r.nameZh, roomNameEn: r.nameEn }),
              }))}
              value={String(field.value)}
              onChange={(v) => field.onChange(v === null ? undefined : Number(v))}
              allowDeselect={false}
              error={message(errors.roomId?.message)}
            />
          )}
        />
        <Textarea
          label={t('schedule.field.reason')}
          withAsterisk
          autosize
          {...form.register('reason')}
          error={message(errors.reason?.message)}
        />
        <SubmitRow label={t('schedule.action.postpone')} loading={form.formState.isSubmitting} />
      </Stack>
    </form>
  );
}
