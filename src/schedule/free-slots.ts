import { overlaps, type Interval } from './session-rules';
import { centerDayStart, MINUTE_MS } from './session-time.schema';
import type { WorkingPeriod } from './working-hours';

/** What the search knows: the working days ahead, and when every person and room is taken. */
export interface FreeSlotSearch {
  /** Center working days to search, in order. */
  readonly days: readonly string[];
  readonly periods: readonly WorkingPeriod[];
  readonly durationMs: number;
  /** Nothing earlier than this is offered (now, or later when the user asks). */
  readonly notBefore: number;
  /** Busy ranges of every staff member and party taking part, together. */
  readonly people: readonly Interval[];
  /** The rooms that may be used, in order of preference, with their busy ranges. */
  readonly rooms: readonly { readonly id: number; readonly busy: readonly Interval[] }[];
  readonly limit: number;
}

export interface FreeSlot extends Interval {
  readonly roomId: number;
}

/** Offered starts fall on five-minute marks, as people write times. */
const STEP_MS = 5 * MINUTE_MS;

const inWindow = (busy: readonly Interval[], window: Interval) =>
  busy.filter((b) => overlaps(b, window));

/**
 * 下一个空闲时段: the earliest start in each working period (morning, afternoon) of each day when
 * every person is free and some room is free for the whole duration, inside working hours; at
 * most one option per period, so the few options offered spread over the days ahead. The
 * earliest free start of a period is its opening or the end of some booking, so only those
 * moments are tried.
 */
export function findFreeSlots(search: FreeSlotSearch): FreeSlot[] {
  const slots: FreeSlot[] = [];
  const notBefore = Math.ceil(search.notBefore / STEP_MS) * STEP_MS;
  for (const date of search.days) {
    const dayStart = centerDayStart(date);
    for (const period of search.periods) {
      const window = {
        start: Math.max(dayStart + period.start * MINUTE_MS, notBefore),
        end: dayStart + period.end * MINUTE_MS,
      };
      if (window.end - window.start < search.durationMs) continue;
      const people = inWindow(search.people, window);
      const rooms = search.rooms.map((r) => ({ id: r.id, busy: inWindow(r.busy, window) }));
      const latest = window.end - search.durationMs;
      const candidates = new Set<number>([window.start]);
      for (const b of [...people, ...rooms.flatMap((r) => r.busy)]) {
        const at = Math.ceil(b.end / STEP_MS) * STEP_MS;
        if (at > window.start && at <= latest) candidates.add(at);
      }
      for (const start of [...candidates].sort((a, b) => a - b)) {
        const range = { start, end: start + search.durationMs };
        if (people.some((b) => overlaps(b, range))) continue;
        const room = rooms.find((r) => !r.busy.some((b) => overlaps(b, range)));
        if (room === undefined) continue;
        slots.push({ ...range, roomId: room.id });
        if (slots.length >= search.limit) return slots;
        break;
      }
    }
  }
  return slots;
}
