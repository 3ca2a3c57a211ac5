import type { Dispatch } from '../../src/api/dispatcher';
import { addCalendarDays } from '../../src/calendar/working-calendar';
import { measure, timed, type Figure } from './measure';
import { options } from './options';
import { generateSessions, type GeneratedSessions } from './schedule-generate';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Scheduling (issue 4): with at least --sessions (default 500,000) sessions in the benchmark
 * database, through the dispatcher like a desk would call it:
 * - the conflict check of one planned session (schedule/checkConflicts), p95 ≤ 5 ms;
 * - the next free slot for three people and a room over 10 working days, p95 ≤ 30 ms;
 * - a studio's week for the calendar (schedule/list), p95 ≤ 20 ms.
 * The sessions are generated into the SQLite file once (scheduleData) and measured on each
 * engine (measureSchedule) with the same samples.
 */
export async function scheduleData(file: string, now: Date): Promise<GeneratedSessions> {
  console.log(`\nscheduling data (${options.sessions.toLocaleString('en')} sessions)`);
  const generated = await timed('generate sessions (direct batched inserts)', () =>
    generateSessions({ file, sessions: options.sessions, now }),
  );
  console.log(`  rows: ${JSON.stringify(generated.counts)}`);
  const { samples, openCases, mondays } = generated;
  if (samples.length === 0 || openCases.length === 0 || mondays.length === 0) {
    throw new Error('the session generator left nothing to measure');
  }
  return generated;
}

export async function measureSchedule(
  dispatch: Dispatch,
  /** A signed-in session of someone who books for the whole center (reception). */
  session: string,
  generated: GeneratedSessions,
): Promise<Figure[]> {
  const must = async (method: string, input: unknown) => {
    const result = await dispatch(session, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  };
  console.log('\nscheduling');
  const { samples, openCases, mondays, studioIds } = generated;
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
  // Not a budget of its own: a booking as a desk saves it, the conflict check and the writes in
  // one transaction (on PostgreSQL also the exclusion constraint's check of every held row).
  // Each sample its own hour in 2030, long after the generated sessions: every booking is free.
  const firstDay = Date.parse('2030-01-07T01:00:00.000Z'); // 09:00 at the center
  figures.push(
    await measure('book a session (schedule/create, no budget)', null, (i) => {
      const c = pick(openCases, i);
      const start = firstDay + Math.floor(i / 8) * DAY_MS + (i % 8) * HOUR_MS;
      return must('schedule/create', {
        caseId: c.caseId,
        kind: 'mediation',
        roomId: c.roomId,
        staffIds: [c.staffId],
        partyIds: c.partyIds,
        start: iso(start),
        end: iso(start + 45 * 60_000),
        acceptWarnings: true,
      });
    }),
  );
  return figures;
}
