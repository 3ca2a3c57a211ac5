import { Text } from '@mantine/core';
import type { ScheduleEventData } from '@mantine/schedule';
import { centerWallTime } from '../../src/schedule/session-time.schema';
import type { SessionPayload } from './session-events';

/**
 * What a session shows inside its block: who (the parties, or the kind for an open slot) and
 * when, then the case number; the block's title attribute holds everything.
 */
export function EventBody({ event, openSlot }: { event: ScheduleEventData; openSlot: string }) {
  const s = (event.payload as SessionPayload | undefined)?.session;
  if (s === undefined) return event.title;
  const who = s.parties.map((p) => p.name).join('、') || openSlot;
  const from = centerWallTime(s.start).time;
  const to = centerWallTime(s.end).time;
  return (
    <div style={{ overflow: 'hidden', lineHeight: 1.25 }}>
      <Text size="xs" fw={600} truncate c="inherit">
        {who}
      </Text>
      <Text size="xs" truncate c="inherit" opacity={0.85}>
        {from}–{to} {s.caseNumber ?? ''}
      </Text>
    </div>
  );
}
