import type { MantineColor } from '@mantine/core';
import type { SessionKind, SessionStatus } from '../../src/schedule/session.schema';

/** One colour per kind; sessions that did not (or will not) take place are grey. */
export const KIND_COLORS: Record<SessionKind, MantineColor> = {
  mediation: 'indigo',
  hearing: 'grape',
  confirmation_review: 'teal',
  counseling: 'pink',
  leader_reception: 'orange',
  follow_up_visit: 'cyan',
};

export const STATUS_COLORS: Record<SessionStatus, MantineColor> = {
  scheduled: 'blue',
  held: 'teal',
  cancelled: 'gray',
  no_show: 'red',
  postponed: 'yellow',
};

export function eventLook(kind: SessionKind, status: SessionStatus) {
  if (status === 'scheduled') return { color: KIND_COLORS[kind], variant: 'filled' as const };
  if (status === 'held') return { color: KIND_COLORS[kind], variant: 'light' as const };
  return { color: 'gray', variant: 'light' as const };
}
