import { zodResolver } from '@hookform/resolvers/zod';
import {
  Button,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  Text,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { WallTimeInput } from './WallTimeInput';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../src/api/contract';
import {
  instantsOf,
  sessionFormSchema,
  type SessionFormValues,
} from '../../src/schedule/session-form.schema';
import { SESSION_KINDS, type SessionKind } from '../../src/schedule/session.schema';
import type { StudioKind } from '../../src/studios/studio.schema';
import { useApiQuery } from '../api/hooks';
import { useStudios } from '../shared/studios';
import { CasePicker } from './CasePicker';
import { ConflictPanel } from './ConflictPanel';
import { FreeSlotFinder } from './FreeSlotFinder';
import { centerWallTime } from '../../src/schedule/session-time.schema';
import { saveSession } from './save-session';
import { useSaveTexts, useSessionLabels } from './use-schedule';

/** What a studio mostly books. */
const DEFAULT_KIND: Record<StudioKind, SessionKind> = {
  mediation: 'mediation',
  judicial_confirmation: 'confirmation_review',
  court: 'hearing',
  counseling: 'counseling',
  petition: 'mediation',
};

interface Props {
  readonly defaults: Partial<SessionFormValues>;
  /** Editing a scheduled session rather than booking a new one. */
  readonly existing?: { readonly id: number; readonly version: number };
  readonly lockCase?: boolean;
  readonly onSaved: (id: number) => void;
  readonly onStale?: () => void;
  /** Told when the form starts or stops differing from what it was loaded with. */
  readonly onDirtyChange?: (dirty: boolean) => void;
}

const minutesBetween = (from: string, to: string) => {
  const [fh = 0, fm = 0] = from.split(':').map(Number);
  const [th = 0, tm = 0] = to.split(':').map(Number);
  return th * 60 + tm - (fh * 60 + fm);
};

/** 日程表单: the core's schema validates, the core checks conflicts live, saves confirm warnings. */
export function SessionForm({
  defaults,
  existing,
  lockCase,
  onSaved,
  onStale,
  onDirtyChange,
}: Props) {
  const { t } = useTranslation();
  const labels = useSessionLabels();
  const saveTexts = useSaveTexts();
  const form = useForm<SessionFormValues>({
    resolver: zodResolver(sessionFormSchema),
    defaultValues: {
      kind: 'mediation',
      staffIds: [],
      partyIds: [],
      notes: '',
      acceptWarnings: false,
      startTime: '09:00',
      endTime: '10:00',
      ...defaults,
    },
  });
  const values = useWatch({ control: form.control });
  const { isDirty } = form.formState;
  useEffect(() => {
    onDirtyChange?.(isDirty);
  }, [isDirty, onDirtyChange]);
  // No date given: today at the center (the core's clock), once it is known.
  const today = useApiQuery('schedule/workingHours', {}).data?.today;
  useEffect(() => {
    if (today !== undefined && !form.getValues('date')) form.setValue('date', today);
  }, [today, form]);
  const caseId = values.caseId;
  const detail = useApiQuery('cases/get', { id: caseId ?? 0 }, { enabled: caseId !== undefined });
  const studios = useStudios();
  const staff = useApiQuery('staff/list', {});
  const kase = detail.data;
  const studio = studios.data?.find((s) => s.id === kase?.studioId);
  const rooms = studio?.rooms ?? [];

  // A newly chosen case brings its studio's usual kind, its mediators and all its parties,
  // once per case (a refetch must not undo what the user changed since).
  const prefilled = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (kase === undefined || studio === undefined || existing !== undefined) return;
    if (prefilled.current === kase.id) return;
    prefilled.current = kase.id;
    const { getValues, setValue } = form;
    if (getValues('staffIds').length === 0 && kase.mediators.length > 0) {
      setValue(
        'staffIds',
        kase.mediators.map((m) => m.staffId),
      );
    }
    setValue(
      'partyIds',
      kase.parties.map((p) => p.partyId),
    );
    if (defaults.kind === undefined) setValue('kind', DEFAULT_KIND[studio.kind]);
    const roomId = getValues('roomId');
    if (!studio.rooms.some((r) => r.id === roomId)) setValue('roomId', studio.rooms[0]?.id ?? 0);
  }, [kase, studio, existing, form, defaults.kind]);

  const parsed = sessionFormSchema.safeParse({ ...values, notes: values.notes ?? '' });
  const [check] = useDebouncedValue(
    parsed.success
      ? {
          sessionId: existing?.id,
          roomId: parsed.data.roomId,
          staffIds: parsed.data.staffIds,
          partyIds: parsed.data.partyIds,
          ...instantsOf(parsed.data),
        }
      : undefined,
    300,
  );
  const conflicts = useApiQuery('schedule/checkConflicts', check ?? { start: '', end: '' }, {
    enabled: check !== undefined,
  });
  const duration =
    values.startTime && values.endTime ? minutesBetween(values.startTime, values.endTime) : 60;
  const freeQuery: MethodInput<'schedule/nextFreeSlots'> | undefined =
    kase === undefined
      ? undefined
      : {
          studioId: kase.studioId,
          staffIds: values.staffIds ?? [],
          partyIds: values.partyIds ?? [],
          durationMinutes: duration >= 5 && duration <= 600 ? duration : 60,
          excludeSessionId: existing?.id,
          withinWorkingDays: 10,
          limit: 5,
        };

  const errorOf = (name: keyof SessionFormValues) => {
    const message = form.formState.errors[name]?.message;
    return typeof message === 'string' ? t(message) : undefined;
  };

  const submit = form.handleSubmit(async (v) => {
    const common = {
      kind: v.kind,
      roomId: v.roomId,
      staffIds: v.staffIds,
      partyIds: v.partyIds,
      ...instantsOf(v),
      notes: v.notes,
      acceptWarnings: v.acceptWarnings,
    };
    const saved =
      existing === undefined
        ? await saveSession('schedule/create', { ...common, caseId: v.caseId }, saveTexts, {
            setError: form.setError,
          })
        : await saveSession(
            'schedule/update',
            { ...common, id: existing.id, version: existing.version },
            saveTexts,
            { setError: form.setError, onStale },
          );
    if (saved === null) return;
    notifications.show({ color: 'teal', message: t('schedule.saved') });
    onSaved(saved.id);
  });

  const staffOptions = (staff.data ?? [])
    .filter((s) => s.active)
    .sort((a, b) => {
      const inStudio = (s: typeof a) => (kase && s.studioIds.includes(kase.studioId) ? 0 : 1);
      return inStudio(a) - inStudio(b);
    })
    .map((s) => ({ value: String(s.id), label: s.displayName }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {lockCase || existing !== undefined ? (
          <Text size="sm">
            {t('schedule.field.case')}：<b>{kase?.number ?? '…'}</b>
          </Text>
        ) : (
          <Controller
            control={form.control}
            name="caseId"
            render={({ field }) => (
              <CasePicker value={field.value} onChange={field.onChange} error={errorOf('caseId')} />
            )}
          />
        )}
        <SimpleGrid cols={2}>
          <Controller
            control={form.control}
            name="kind"
            render={({ field }) => (
              <Select
                label={t('schedule.field.kind')}
                withAsterisk
                data={SESSION_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))}
                value={field.value}
                onChange={(v) => field.onChange(v ?? undefined)}
                allowDeselect={false}
                error={errorOf('kind')}
              />
            )}
          />
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
                value={field.value ? String(field.value) : null}
                onChange={(v) => field.onChange(v === null ? undefined : Number(v))}
                allowDeselect={false}
                error={errorOf('roomId')}
              />
            )}
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="staffIds"
          render={({ field }) => (
            <MultiSelect
              label={t('schedule.field.staff')}
              withAsterisk
              searchable
              data={staffOptions}
              value={(field.value ?? []).map(String)}
              onChange={(v) => field.onChange(v.map(Number))}
              error={errorOf('staffIds')}
            />
          )}
        />
        <Controller
          control={form.control}
          name="partyIds"
          render={({ field }) => (
            <MultiSelect
              label={t('schedule.field.parties')}
              withAsterisk
              data={(kase?.parties ?? []).map((p) => ({
                value: String(p.partyId),
                label: `${p.name}（${t(`label.partyRole.${p.role}`)}）`,
              }))}
              value={(field.value ?? []).map(String)}
              onChange={(v) => field.onChange(v.map(Number))}
              error={errorOf('partyIds')}
            />
          )}
        />
        <SimpleGrid cols={3}>
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
                error={errorOf('date')}
              />
            )}
          />
          <WallTimeInput
            label={t('schedule.field.start')}
            withAsterisk
            {...form.register('startTime')}
            error={errorOf('startTime')}
          />
          <WallTimeInput
            label={t('schedule.field.end')}
            withAsterisk
            {...form.register('endTime')}
            error={errorOf('endTime')}
          />
        </SimpleGrid>
        <FreeSlotFinder
          query={freeQuery}
          onPick={(slot) => {
            const from = centerWallTime(slot.start);
            form.setValue('date', from.date, { shouldValidate: true });
            form.setValue('startTime', from.time, { shouldValidate: true });
            form.setValue('endTime', centerWallTime(slot.end).time, { shouldValidate: true });
            form.setValue('roomId', slot.roomId, { shouldValidate: true });
          }}
        />
        <Textarea
          label={t('schedule.field.notes')}
          autosize
          minRows={2}
          {...form.register('notes')}
          error={errorOf('notes')}
        />
        <ConflictPanel check={conflicts.data} loading={conflicts.isFetching} />
        {form.formState.errors.acceptWarnings && (
          <Text size="sm" c="red">
            {errorOf('acceptWarnings')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={form.formState.isSubmitting} data-testid="session-save">
            {existing === undefined ? t('schedule.book') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
