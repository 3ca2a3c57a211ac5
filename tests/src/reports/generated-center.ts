import { expect } from 'vitest';
import { CATEGORIES, SOURCES } from '../../../src/cases/case.schema';
import { intake, numberedPerson, organization } from '../../support/fixtures';
import { createClock, openTestCore, type TestCore } from '../../support/test-core';

/**
 * A center's months of work driven through the API on a moving clock, from a seed: intake at
 * any hour (late evening and just after midnight included, where the UTC and Beijing dates
 * differ), answers on time and late, declines and referrals, mediation, conclusions with every
 * outcome, transfers between studios, paused, resumed and extended deadlines, follow-ups with
 * and without a rating, archiving. What the reports must count, made the way users make it.
 */

export const BOSS = 'window-boss';
export const LABOUR_MEDIATOR = 'window-labour';

/** A small deterministic generator (mulberry32), so a failure replays. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

export interface GeneratedCenter {
  readonly t: TestCore;
  readonly clock: ReturnType<typeof createClock>;
  /** Studio codes → ids of the studios cases were registered in and moved between. */
  readonly studios: Record<string, number>;
  readonly cases: number;
  close(): Promise<void>;
}

const CODES = ['medical', 'labour', 'family', 'township', 'court'] as const;
/** Beijing hours of the day's steps: 00:10 and 23:50 fall on the other UTC date. */
const HOURS = [0.17, 10, 16.5, 23.83];
/** Chance of a step per case and hour, by case. */
const PACES = [0.3, 0.02, 0.25, 0.1, 0.4, 0.05, 0.3];

function at(date: string, beijingHour: number): string {
  const ms = Date.parse(`${date}T00:00:00+08:00`) + Math.round(beijingHour * 3_600_000);
  return new Date(ms).toISOString();
}

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export async function generateCenter(options: {
  seed: number;
  from: string;
  to: string;
  perDay: [number, number];
}): Promise<GeneratedCenter> {
  const rng = random(options.seed);
  const clock = createClock(new Date(at(options.from, 9)));
  const t = await openTestCore({ now: clock.now });
  const studios: Record<string, number> = {};
  for (const code of CODES) studios[code] = await t.studioId(code);
  await t.addStaff({
    username: 'boss',
    displayName: '主任兼调解员',
    roles: ['reception', 'mediator', 'clerk', 'director'],
    studios: [...CODES],
  });
  await t.signIn(BOSS, 'boss');

  const ok = async (method: Parameters<TestCore['ok']>[0], input: Record<string, unknown>) =>
    t.ok(method, input, BOSS);
  const row = (id: number) =>
    t.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const act = async (
    method: Parameters<TestCore['ok']>[0],
    id: number,
    extra: Record<string, unknown> = {},
  ) => {
    const c = await row(id);
    await ok(method, { id, version: c.version, ...extra });
  };

  let registered = 0;
  for (let day = options.from; day <= options.to; day = addDays(day, 1)) {
    const weekend = [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
    // The day's steps at a few hours, in order.
    const hours = HOURS.filter(() => rng.chance(weekend ? 0.3 : 0.7));
    for (const hour of hours) {
      clock.set(at(day, hour));
      const newCases = weekend ? rng.int(0, 1) : rng.int(options.perDay[0], options.perDay[1]);
      for (let i = 0; i < newCases; i += 1) {
        registered += 1;
        const code = rng.pick(CODES);
        await t.ok(
          'cases/register',
          intake(studios[code] ?? 1, {
            category: rng.pick(CATEGORIES),
            source: rng.pick(SOURCES),
            parties: [
              {
                role: 'applicant',
                party: { ...numberedPerson(registered % 1000), phone: '13912345678' },
              },
              { role: 'respondent', party: organization() },
            ],
          }),
          BOSS,
        );
      }
      const open = await t.db
        .selectFrom('cases')
        .select(['id', 'status', 'studioId', 'deadlinePausedSince'])
        .where('status', 'in', ['registered', 'accepted', 'in_mediation', 'concluded'])
        .execute();
      for (const c of open) {
        // Each case keeps its own pace: most move along, some crawl past their deadline.
        if (!rng.chance(PACES[c.id % PACES.length] ?? 0.3)) continue;
        switch (c.status) {
          case 'registered': {
            const r = rng.next();
            if (r < 0.8) await act('cases/accept', c.id);
            else if (r < 0.9) await act('cases/decline', c.id, { reason: '不属于受理范围' });
            else await act('cases/refer', c.id, { referredTo: '区仲裁院', reason: '劳动仲裁' });
            break;
          }
          case 'accepted':
          case 'in_mediation': {
            const r = rng.next();
            if (r < 0.06) {
              const others = CODES.map((code) => studios[code] ?? 0).filter(
                (s) => s !== c.studioId,
              );
              await act('cases/transfer', c.id, { studioId: rng.pick(others), reason: '移交' });
            } else if (r < 0.12 && c.deadlinePausedSince === null) {
              await act('cases/pauseDeadline', c.id, { reason: '医疗鉴定' });
            } else if (r < 0.3 && c.deadlinePausedSince !== null) {
              await act('cases/resumeDeadline', c.id);
            } else if (r < 0.34) {
              await act('cases/extendDeadline', c.id, { days: rng.int(3, 20), reason: '案情复杂' });
            } else if (c.status === 'accepted' && r < 0.7) {
              await act('cases/startMediation', c.id);
            } else if (c.status === 'in_mediation' && r < 0.5) {
              const outcome = rng.pick([
                'written_agreement',
                'written_agreement',
                'oral_agreement',
                'no_agreement',
                'withdrawn',
                'refused',
              ] as const);
              await act('cases/conclude', c.id, {
                outcome,
                ...(outcome === 'no_agreement' ? { advisedRoute: 'arbitration' } : {}),
              });
            }
            break;
          }
          case 'concluded': {
            const followUp = await t.db
              .selectFrom('followUps')
              .select(['id', 'version', 'visitedAt'])
              .where('caseId', '=', c.id)
              .executeTakeFirst();
            if (followUp !== undefined && followUp.visitedAt === null && rng.chance(0.6)) {
              const rating = rng.pick([
                'satisfied',
                'basically_satisfied',
                'dissatisfied',
                null,
              ] as const);
              await ok('followUps/record', {
                followUpId: followUp.id,
                version: followUp.version,
                performance: 'fulfilled',
                ...(rating === null ? {} : { satisfaction: rating }),
              });
            } else if (rng.chance(0.2)) {
              await act('cases/archive', c.id);
            }
            break;
          }
        }
      }
    }
  }
  expect(t.internalErrors).toEqual([]);
  return { t, clock, studios, cases: registered, close: () => t.close() };
}
