import type { Core } from '../../src/app/core';
import { addCalendarDays } from '../../src/calendar/working-calendar';
import { measure, timed, type Figure } from './measure';
import { generateSessions } from './schedule-generate';

/**
 * Scheduling (issue 4): with at least BENCH_SESSIONS (default 500,000) sessions in the benchmark
 * database, through the dispatcher like a desk would call it:
 * - the conflict check of one planned session (schedule/checkConflicts), p95 ≤ 5 ms;
 * - the next free slot for three people and a room over 10 working days, p95 ≤ 30 ms;
 * - a studio's week for the calendar (schedule/list), p95 ≤ 20 ms.
 */
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 500_000);

export async function scheduleBenchmark(options: {
  readonly file: string;
  readonly core: Core;
  /** A signed-in session of someone who books for the whole center (reception). */
  readonly session: string;
  readonly now: Date;
}): Promise<Figure[]> {
  const { core, session } = options;
  const must = async (method: string, input: unknown) => {
    const result = await core.dispatch(session, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  };
  console.log(`\nscheduling (${SESSIONS.toLocaleString('en')} sessions)`);
  const generated = await timed('generate sessions (direct batched inserts)', () =>
    generateSessions({ file: options.file, sessions: SESSIONS, now: options.now }),
  );
  console.log(`  rows: ${JSON.stringify(generated.counts)}`);
  const { samples, openCases, mondays, studioIds } = generated;
  if (samples.length === 0 || openCases.length === 0 || mondays.length === 0) {
    throw new Error('the session generator left nothing to measure');
  }
  const pick = <T>(items: readonly T[], i: number): T => {
    const item = items[(i * 7919) % items.length];
    if (item === undefined) throw new Error('empty sample');
    return item;
  };
  const iso = (ms: number) => new Date(ms).toISOString();
  const figures: Figure[] = [];

  // A planned session like an existing one, shifted by 0–75 minutes: some clash, some do not.
  figures.push(
    await measure('conflict check, one session (checkConflicts)', 5, (i) => {
      const s = pick(samples, i);
      const shift = (i % 6) * 15 * 60_000;
      return must('schedule/checkConflicts', {
        roomId: s.roomId,
        staffIds: s.staffIds,
        partyIds: s.partyIds,
        start: iso(s.start + shift),
        end: iso(s.end + shift),
      });
    }),
  );
  figures.push(
    await measure('next free slot, 3 people + a room, 10 working days', 30, (i) => {
      const c = pick(openCases, i);
      return must('schedule/nextFreeSlots', {
        studioId: c.studioId,
        staffIds: [c.staffId],
        partyIds: c.partyIds,
        durationMinutes: 60,
        withinWorkingDays: 10,
        limit: 5,
      });
    }),
  );
  figures.push(
    await measure("a studio's week (schedule/list)", 20, (i) => {
      const from = pick(mondays, i);
      return must('schedule/list', {
        from,
        to: addCalendarDays(from, 6),
        studioId: studioIds[i % studioIds.length],
      });
    }),
  );
  // Not a budget of its own: how the week view fares in the studio with the most sessions.
  figures.push(
    await measure("the busiest studio's week (no budget)", null, (i) => {
      const from = pick(mondays, i);
      return must('schedule/list', {
        from,
        to: addCalendarDays(from, 6),
        studioId: generated.busiestStudioId,
      });
    }),
  );
  return figures;
}
