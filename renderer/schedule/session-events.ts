import type { ScheduleEventData } from '@mantine/schedule';
import type { MethodOutput } from '../../src/api/contract';
import { toCalendar } from './calendar-time';
import { eventLook } from './session-colors';
import type { useSessionLabels } from './use-schedule';

export type SessionItem = MethodOutput<'schedule/list'>[number];

export interface SessionPayload {
  readonly session: SessionItem;
}

/**
 * A session as a calendar event: kind, case and parties in the title; the room is the event's
 * resource in the rooms view; grey once cancelled, missed or postponed.
 */
export function toEvent(
  s: SessionItem,
  labels: ReturnType<typeof useSessionLabels>,
  openSlotText: string,
): ScheduleEventData<SessionPayload> {
  const who = s.parties.map((p) => p.name).join('、');
  const parts = [
    labels.kind(s.kind),
    s.caseNumber ?? openSlotText,
    ...(who === '' ? [] : [who]),
    labels.room(s),
  ];
  const status = s.status === 'scheduled' ? '' : `【${labels.status(s.status)}】`;
  return {
    id: s.id,
    title: `${status}${parts.join(' · ')}`,
    start: toCalendar(s.start),
    end: toCalendar(s.end),
    ...eventLook(s.kind, s.status),
    resourceId: s.roomId,
    payload: { session: s },
  };
}
