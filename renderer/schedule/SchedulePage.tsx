import {
  ActionIcon,
  Button,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconChevronLeft, IconChevronRight, IconPlus, IconSpeakerphone } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../src/api/contract';
import { useApiQuery } from '../api/hooks';
import { useSession } from '../auth/session';
import { ErrorState } from '../shared/ErrorState';
import { useStudioName, useStudios } from '../shared/studios';
import { weekOf } from './calendar-time';
import { ReceptionDayDialog } from './ReceptionDayDialog';
import { ScheduleCalendar, type CalendarRoom, type CalendarView } from './ScheduleCalendar';
import { SessionDrawer, type DrawerTarget } from './SessionDrawer';
import { saveSession } from './save-session';
import { toEvent } from './session-events';
import { useRefreshSchedule, useSaveTexts, useSessionLabels } from './use-schedule';

const VIEWS: readonly CalendarView[] = ['rooms', 'studioWeek', 'staffWeek', 'roomWeek', 'agenda'];
const ARRANGERS = ['reception', 'mediator', 'clerk'];
const CENTER_WIDE = ['reception', 'director', 'admin'];

/** 排期: the center's calendar by rooms, studio, staff member or room, and today's agenda. */
export function SchedulePage() {
  const { t } = useTranslation();
  const { caller } = useSession();
  const labels = useSessionLabels();
  const saveTexts = useSaveTexts();
  const refresh = useRefreshSchedule();
  const studioName = useStudioName();
  const studios = useStudios();
  const staff = useApiQuery('staff/list', {});
  const hours = useApiQuery('schedule/workingHours', {});
  const [view, setView] = useState<CalendarView>('rooms');
  const [picked, setDate] = useState<string | null>(null);
  const [studioId, setStudioId] = useState<number | null>(caller.studioIds[0] ?? null);
  const [staffId, setStaffId] = useState<number>(caller.staffId);
  const [roomId, setRoomId] = useState<number | null>(null);
  const [drawer, setDrawer] = useState<DrawerTarget | null>(null);
  const [receptionDay, setReceptionDay] = useState(false);

  const date = picked ?? hours.data?.today ?? dayjs().format('YYYY-MM-DD');
  // Mediators and clerks see their own studios' calendars; reception and the director all.
  const centerWide = caller.roles.some((r) => CENTER_WIDE.includes(r));
  const visibleStudios = (studios.data ?? []).filter(
    (s) => centerWide || caller.studioIds.includes(s.id),
  );
  const weekly = view === 'studioWeek' || view === 'staffWeek' || view === 'roomWeek';
  const allRooms = visibleStudios.flatMap((s) =>
    s.rooms.map((r) => ({
      id: r.id,
      studioId: s.id,
      label: labels.room({ roomNameZh: r.nameZh, roomNameEn: r.nameEn }),
    })),
  );
  const room = roomId ?? allRooms[0]?.id ?? null;
  const range = weekly ? weekOf(date) : { from: date, to: date };
  const input: MethodInput<'schedule/list'> = {
    ...range,
    ...(view === 'rooms' && studioId !== null ? { studioId } : {}),
    ...(view === 'studioWeek' && studioId !== null ? { studioId } : {}),
    ...(view === 'staffWeek' ? { staffId } : {}),
    ...(view === 'roomWeek' && room !== null ? { roomId: room } : {}),
  };
  const list = useApiQuery('schedule/list', input, { enabled: studios.data !== undefined });
  const events = (list.data ?? []).map((s) => toEvent(s, labels, t('schedule.openSlot')));
  const rooms: CalendarRoom[] =
    view === 'roomWeek'
      ? allRooms.filter((r) => r.id === room)
      : allRooms.filter((r) => studioId === null || r.studioId === studioId);
  const groups =
    view === 'rooms' && studioId === null
      ? visibleStudios.map((s) => ({
          label: studioName(s),
          resourceIds: s.rooms.map((r) => r.id),
        }))
      : undefined;
  const periods = hours.data?.periods ?? [];
  const businessHours: [string, string] = [
    `${periods[0]?.start ?? '08:30'}:00`,
    `${periods.at(-1)?.end ?? '17:30'}:00`,
  ];
  const canArrange = caller.roles.some((r) => ARRANGERS.includes(r));
  const step = weekly ? 7 : 1;

  const move = async (id: number, start: string, end: string, toRoom?: number) => {
    const s = list.data?.find((x) => x.id === id);
    if (s === undefined) return;
    await saveSession(
      'schedule/move',
      { id, version: s.version, start, end, ...(toRoom === undefined ? {} : { roomId: toRoom }) },
      saveTexts,
    );
    // Saved or refused, the calendar shows what the core now holds.
    await refresh();
  };

  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('nav.schedule')}</Title>
        <Group gap="xs">
          {canArrange && (
            <Button
              variant="light"
              leftSection={<IconSpeakerphone size={16} />}
              onClick={() => setReceptionDay(true)}
            >
              {t('schedule.reception.title')}
            </Button>
          )}
          {canArrange && (
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setDrawer({ kind: 'new', defaults: { date } })}
              data-testid="schedule-new"
            >
              {t('schedule.new')}
            </Button>
          )}
        </Group>
      </Group>
      <Paper withBorder p="sm">
        <Group justify="space-between" gap="sm">
          <SegmentedControl
            value={view}
            onChange={(v) => setView(v as CalendarView)}
            data={VIEWS.map((v) => ({ value: v, label: t(`schedule.view.${v}`) }))}
            aria-label={t('schedule.viewLabel')}
          />
          <Group gap="xs">
            {(view === 'rooms' || view === 'studioWeek' || view === 'agenda') && (
              <Select
                aria-label={t('schedule.studio')}
                w={220}
                data={[
                  ...(view === 'studioWeek'
                    ? []
                    : [{ value: '', label: t('schedule.allStudios') }]),
                  ...visibleStudios.map((s) => ({
                    value: String(s.id),
                    label: studioName(s),
                  })),
                ]}
                value={studioId === null ? (view === 'studioWeek' ? null : '') : String(studioId)}
                onChange={(v) => setStudioId(v === null || v === '' ? null : Number(v))}
                allowDeselect={false}
              />
            )}
            {view === 'staffWeek' && (
              <Select
                aria-label={t('schedule.staffMember')}
                w={200}
                searchable
                data={(staff.data ?? []).map((s) => ({
                  value: String(s.id),
                  label: s.displayName,
                }))}
                value={String(staffId)}
                onChange={(v) => v !== null && setStaffId(Number(v))}
                allowDeselect={false}
              />
            )}
            {view === 'roomWeek' && (
              <Select
                aria-label={t('schedule.field.room')}
                w={200}
                data={allRooms.map((r) => ({ value: String(r.id), label: r.label }))}
                value={room === null ? null : String(room)}
                onChange={(v) => v !== null && setRoomId(Number(v))}
                allowDeselect={false}
              />
            )}
          </Group>
        </Group>
        <Group gap="xs" mt="sm">
          <ActionIcon
            variant="default"
            aria-label={t('schedule.previous')}
            onClick={() => setDate(dayjs(date).subtract(step, 'day').format('YYYY-MM-DD'))}
          >
            <IconChevronLeft size={16} />
          </ActionIcon>
          <Button variant="default" size="xs" onClick={() => setDate(hours.data?.today ?? null)}>
            {t('schedule.today')}
          </Button>
          <ActionIcon
            variant="default"
            aria-label={t('schedule.next')}
            onClick={() => setDate(dayjs(date).add(step, 'day').format('YYYY-MM-DD'))}
          >
            <IconChevronRight size={16} />
          </ActionIcon>
          <DatePickerInput
            aria-label={t('schedule.field.date')}
            size="xs"
            w={150}
            valueFormat="YYYY-MM-DD"
            value={date}
            onChange={(v) => v !== null && setDate(v)}
            data-testid="schedule-date"
          />
          <Text size="sm" fw={500}>
            {weekly
              ? `${dayjs(range.from).format(t('schedule.dateFormat'))} – ${dayjs(range.to).format(t('schedule.dateFormat'))}`
              : dayjs(date).format(t('schedule.dayFormat'))}
          </Text>
          {list.isFetching && <Loader size="xs" />}
          {list.data !== undefined && (
            <Text size="sm" c="dimmed" data-testid="schedule-count">
              {t('schedule.count', { count: list.data.length })}
            </Text>
          )}
        </Group>
      </Paper>
      <ScheduleCalendar
        view={view}
        date={date}
        events={events}
        rooms={rooms}
        groups={groups}
        businessHours={businessHours}
        canArrange={canArrange}
        onOpen={(id) => setDrawer({ kind: 'session', id })}
        onNew={(defaults) => canArrange && setDrawer({ kind: 'new', defaults })}
        onMove={(id, start, end, toRoom) => void move(id, start, end, toRoom)}
      />
      <SessionDrawer target={drawer} onClose={() => setDrawer(null)} />
      {receptionDay && (
        <ReceptionDayDialog
          date={date}
          onClose={() => setReceptionDay(false)}
          onDone={() => {
            setReceptionDay(false);
            void refresh();
          }}
        />
      )}
    </Stack>
  );
}
