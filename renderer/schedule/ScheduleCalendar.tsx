import '@mantine/schedule/styles.css';
import {
  AgendaView,
  ResourcesDayView,
  WeekView,
  type ScheduleEventData,
  type ScheduleLabelsOverride,
  type ScheduleResourceGroup,
} from '@mantine/schedule';
import { useTranslation } from 'react-i18next';
import type { SessionFormValues } from '../../src/schedule/session-form.schema';
import { centerNow, fromCalendar } from './calendar-time';
import { EventBody } from './EventBody';
import type { SessionPayload } from './session-events';

export type CalendarView = 'rooms' | 'studioWeek' | 'staffWeek' | 'roomWeek' | 'agenda';

export interface CalendarRoom {
  readonly id: number;
  readonly label: string;
  readonly studioId: number;
}

interface Props {
  readonly view: CalendarView;
  readonly date: string;
  readonly events: ScheduleEventData<SessionPayload>[];
  readonly rooms: readonly CalendarRoom[];
  /** Studio groups for the rooms view of the whole center. */
  readonly groups?: ScheduleResourceGroup[];
  readonly businessHours: [string, string];
  /** May the user book and move here at all (the core decides per session too). */
  readonly canArrange: boolean;
  readonly onOpen: (sessionId: number) => void;
  readonly onNew: (defaults: Partial<SessionFormValues>) => void;
  readonly onMove: (sessionId: number, start: string, end: string, roomId?: number) => void;
}

const DAY_START = '08:00:00';
const DAY_END = '18:30:00';

/** A calendar range as the form's date and wall times. */
function rangeDefaults(start: string, end: string, roomId?: number): Partial<SessionFormValues> {
  return {
    date: start.slice(0, 10),
    startTime: start.slice(11, 16),
    endTime: end.slice(0, 10) === start.slice(0, 10) ? end.slice(11, 16) : '23:59',
    ...(roomId === undefined ? {} : { roomId }),
  };
}

const sessionOf = (e: ScheduleEventData) => (e.payload as SessionPayload | undefined)?.session;
const movable = (e: ScheduleEventData) => sessionOf(e)?.allowed.includes('move') ?? false;

/**
 * The calendar views on @mantine/schedule: the rooms of a day as rows (time across), a week
 * (by studio, staff member or room), and the day's agenda. Click or drag a free range to book,
 * drag or resize a session to move it; all times are the center's wall time.
 */
export function ScheduleCalendar(props: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'zh-cn';
  const labels: ScheduleLabelsOverride = {
    today: t('schedule.today'),
    next: t('schedule.next'),
    previous: t('schedule.previous'),
    day: t('schedule.day'),
    week: t('schedule.week'),
    allDay: t('schedule.allDay'),
    timeSlot: t('schedule.timeSlot'),
    noEvents: t('schedule.noEvents'),
    more: t('schedule.more'),
    moreLabel: (n: number) => t('schedule.moreCount', { count: n }),
    resource: t('schedule.field.room'),
    resources: t('schedule.rooms'),
    resourceSlot: t('schedule.roomSlot'),
    agenda: t('schedule.view.agenda'),
  };
  const open = (e: ScheduleEventData) => props.onOpen(Number(e.id));
  const move = (
    d: { eventId: string | number; newStart: string; newEnd: string },
    roomId?: number,
  ) => props.onMove(Number(d.eventId), fromCalendar(d.newStart), fromCalendar(d.newEnd), roomId);
  const interactive = props.canArrange;
  const common = {
    events: props.events,
    locale,
    labels,
    withHeader: false,
    startTime: DAY_START,
    endTime: DAY_END,
    intervalMinutes: 30,
    highlightBusinessHours: true,
    businessHours: props.businessHours,
    getCurrentTime: centerNow,
    onEventClick: open,
    withEventsDragAndDrop: interactive,
    withEventResize: interactive,
    withDragSlotSelect: interactive,
    canDragEvent: movable,
    canResizeEvent: movable,
    eventDragInterval: 15,
    eventResizeInterval: 15,
    renderEventBody: (event: ScheduleEventData) => (
      <EventBody event={event} openSlot={t('schedule.openSlot')} />
    ),
  };

  if (props.view === 'agenda') {
    return (
      <AgendaView
        rangeStart={props.date}
        rangeEnd={props.date}
        events={props.events}
        locale={locale}
        labels={labels}
        onEventClick={open}
        dateHeaderFormat={locale === 'en' ? 'dddd, D MMMM' : 'M月D日 dddd'}
        headerFormat={locale === 'en' ? 'D MMMM YYYY' : 'YYYY年M月D日'}
      />
    );
  }
  if (props.view === 'rooms') {
    return (
      <ResourcesDayView
        {...common}
        date={props.date}
        resources={props.rooms.map((r) => ({ id: r.id, label: r.label }))}
        groups={props.groups}
        groupLabelWidth={140}
        slotWidth={46}
        rowHeight={64}
        maxEventsPerTimeSlot={3}
        onEventDrop={(d) => move(d, d.resourceId === undefined ? undefined : Number(d.resourceId))}
        onEventResize={(d) => move(d)}
        onTimeSlotClick={(d) =>
          props.onNew(
            rangeDefaults(
              d.slotStart,
              d.slotEnd,
              d.resourceId === undefined ? undefined : Number(d.resourceId),
            ),
          )
        }
        onSlotDragEnd={(d) =>
          props.onNew(
            rangeDefaults(
              d.rangeStart,
              d.rangeEnd,
              d.resourceId === undefined ? undefined : Number(d.resourceId),
            ),
          )
        }
        data-testid="rooms-day-view"
      />
    );
  }
  const roomId = props.view === 'roomWeek' ? props.rooms[0]?.id : undefined;
  return (
    <WeekView
      {...common}
      date={props.date}
      firstDayOfWeek={1}
      withAllDaySlots={false}
      withWeekNumber={false}
      highlightToday
      slotHeight={56}
      onEventDrop={(d) => move(d)}
      onEventResize={(d) => move(d)}
      onTimeSlotClick={(d) => props.onNew(rangeDefaults(d.slotStart, d.slotEnd, roomId))}
      onSlotDragEnd={(start, end) => props.onNew(rangeDefaults(start, end, roomId))}
      data-testid="week-view"
    />
  );
}
