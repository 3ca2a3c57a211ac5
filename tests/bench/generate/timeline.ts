import type { CaseStatus, Outcome } from '../../../src/cases/case.schema';
import type { Random } from './random';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** What happened to a case between registration and `now`, as the lifecycle would have left it. */
export interface Lifecycle {
  readonly status: CaseStatus;
  readonly answeredAt: number | null;
  readonly acceptedAt: number | null;
  readonly mediationStartedAt: number | null;
  readonly concludedAt: number | null;
  readonly archivedAt: number | null;
  readonly outcome: Outcome | null;
  /** Due date, YYYY-MM-DD at the center; set on acceptance. */
  readonly deadlineOn: string | null;
}

/** The status mix by age: most old cases concluded or archived, some left open (and overdue). */
function statusByAge(rng: Random, ageDays: number): CaseStatus {
  if (ageDays < 1) return rng.weighted({ registered: 70, accepted: 25, declined: 3, referred: 2 });
  if (ageDays < 5) {
    return rng.weighted({
      registered: 8,
      accepted: 40,
      in_mediation: 40,
      declined: 6,
      referred: 6,
    });
  }
  if (ageDays < 45) {
    return rng.weighted({
      registered: 1,
      accepted: 10,
      in_mediation: 50,
      concluded: 33,
      declined: 3,
      referred: 3,
    });
  }
  if (ageDays < 120) {
    return rng.weighted({
      accepted: 1.5,
      in_mediation: 8,
      concluded: 75,
      archived: 10,
      declined: 3,
      referred: 2.5,
    });
  }
  return rng.weighted({
    accepted: 0.2,
    in_mediation: 0.6,
    concluded: 12,
    archived: 80,
    declined: 4,
    referred: 3.2,
  });
}

/** The center's date (UTC+8) of an instant. */
export function centerDay(ms: number): string {
  return new Date(ms + 8 * HOUR_MS).toISOString().slice(0, 10);
}

/**
 * A case's lifecycle. `deadlineDays` approximates the studio's rule in calendar days (the
 * generator does not need the working-day calendar to make realistic due dates).
 */
export function lifecycle(
  rng: Random,
  registeredAt: number,
  now: number,
  deadlineDays: number,
): Lifecycle {
  const status = statusByAge(rng, (now - registeredAt) / DAY_MS);
  const within = (from: number, maxDays: number) =>
    Math.min(now - 60_000, from + rng.next() * maxDays * DAY_MS);
  const none = {
    answeredAt: null,
    acceptedAt: null,
    mediationStartedAt: null,
    concludedAt: null,
    archivedAt: null,
    outcome: null,
    deadlineOn: null,
  };
  if (status === 'registered') return { status, ...none };
  const answeredAt = within(registeredAt, 1.5);
  if (status === 'declined' || status === 'referred') return { status, ...none, answeredAt };
  const acceptedAt = answeredAt;
  const deadlineOn = centerDay(acceptedAt + deadlineDays * DAY_MS);
  const base = { ...none, answeredAt, acceptedAt, deadlineOn };
  if (status === 'accepted') return { status, ...base };
  const mediationStartedAt = within(acceptedAt, 7);
  if (status === 'in_mediation') return { status, ...base, mediationStartedAt };
  // Most cases finish within their deadline; some run over (on-time completion is a rate).
  const concludedAt = within(mediationStartedAt, deadlineDays * (rng.chance(0.9) ? 0.9 : 1.4));
  const outcome = rng.weighted<Outcome>({
    written_agreement: 55,
    oral_agreement: 15,
    no_agreement: 20,
    withdrawn: 7,
    refused: 3,
  });
  const concluded = { ...base, mediationStartedAt, concludedAt, outcome };
  if (status === 'concluded') return { status, ...concluded };
  return { status, ...concluded, archivedAt: within(concludedAt, 60) };
}

export interface TimelineEvent {
  readonly at: number;
  readonly kind: string;
  readonly data: unknown;
  readonly byMediator: boolean;
}

const ROOMS = ['调解一室', '调解二室', '联调室', '接访室'];
const NOTES = [
  '电话联系申请人了解诉求',
  '走访被申请人核实情况',
  '双方同意继续协商',
  '调取相关证据材料',
];

/** The timeline the lifecycle leaves: ~10 events for a concluded case, fewer for open ones. */
export function timeline(
  rng: Random,
  registeredAt: number,
  now: number,
  life: Lifecycle,
  number: string,
): TimelineEvent[] {
  const events: TimelineEvent[] = [
    { at: registeredAt, kind: 'registered', data: { number }, byMediator: false },
  ];
  const add = (at: number | null, kind: string, data: unknown, byMediator = true) => {
    if (at !== null && at < now) events.push({ at, kind, data, byMediator });
  };
  if (life.status === 'declined')
    add(life.answeredAt, 'declined', { reason: '不属于受理范围' }, false);
  if (life.status === 'referred')
    add(life.answeredAt, 'referred', { to: '区劳动人事争议仲裁院' }, false);
  add(life.acceptedAt, 'accepted', { deadlineOn: life.deadlineOn }, false);
  add(life.acceptedAt, 'mediators_assigned', {}, false);
  if (life.mediationStartedAt !== null) {
    const end = life.concludedAt ?? life.mediationStartedAt + 20 * DAY_MS;
    const sessions = life.concludedAt === null ? rng.int(1, 2) : rng.int(2, 4);
    for (let s = 0; s < sessions; s += 1) {
      const at = life.mediationStartedAt + ((end - life.mediationStartedAt) * s) / sessions;
      const room = rng.pick(ROOMS);
      add(at - DAY_MS, 'session_scheduled', { room, at: new Date(at).toISOString() });
      add(at, 'session_held', { room, minutes: rng.int(30, 150) });
      if (rng.chance(0.5)) add(at + HOUR_MS, 'note', { text: rng.pick(NOTES) });
    }
  }
  add(life.concludedAt, 'concluded', { outcome: life.outcome });
  if (life.outcome === 'written_agreement')
    add(life.concludedAt, 'agreement_signed', { copies: 3 });
  if (life.concludedAt !== null) add(life.concludedAt + 2 * DAY_MS, 'follow_up_due', {}, false);
  add(life.archivedAt, 'archived', {}, false);
  return events;
}
