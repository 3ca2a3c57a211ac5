import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardView, FiguresView } from '../../../src/reports/dashboard.service';
import {
  MEASURES,
  RATES,
  RATE_KEYS,
  STATE_MEASURES,
  type Measure,
} from '../../../src/reports/report.schema';
import { centerDate } from '../../../src/shared/center-time';
import { bruteForce, readWorld, tallyOf, type Brute, type World } from './brute-force';
import { BOSS, generateCenter, type GeneratedCenter } from './generated-center';

/**
 * The reports on a generated center (five months of work through the API) against a brute-force
 * count of the same tables (brute-force.ts): every measure, in total, by studio, category and
 * source, the previous period and the trend, for months, a quarter, a running year, a custom
 * range, a period ahead, and with studio filters; and the drill-down lists, case by case.
 */

let g: GeneratedCenter;
let world: World;
const NOW = '2026-04-15T03:00:00.000Z'; // 11:00 in Beijing

beforeAll(async () => {
  g = await generateCenter({ seed: 6, from: '2025-11-20', to: '2026-04-14', perDay: [0, 2] });
  g.clock.set(NOW);
  world = await readWorld(g.t.db);
}, 240_000);

afterAll(async () => {
  await g.close();
});

const today = centerDate(new Date(NOW));

function expectFigures(
  figures: FiguresView,
  brute: Brute,
  suffix: string,
  label: string,
  skip: readonly Measure[] = [],
) {
  for (const m of MEASURES) {
    if (skip.includes(m)) continue;
    expect(figures.counts[m], `${label} ${m}${suffix}`).toBe(tallyOf(brute, `${m}${suffix}`));
  }
  for (const key of RATE_KEYS) {
    const r = figures.rates[key];
    expect(r.numerator, `${label} ${key} numerator`).toBe(
      tallyOf(brute, `${RATES[key].numerator}${suffix}`),
    );
    expect(r.denominator, `${label} ${key} denominator`).toBe(
      tallyOf(brute, `${RATES[key].denominator}${suffix}`),
    );
    expect(r.value).toBe(r.denominator === 0 ? null : r.numerator / r.denominator);
  }
}

async function dashboard(from: string, to: string, studioIds?: number[]): Promise<DashboardView> {
  return g.t.ok('reports/dashboard', { from, to, ...(studioIds ? { studioIds } : {}) }, BOSS);
}

const PERIODS: [string, string][] = [
  ['2025-12-01', '2025-12-31'],
  ['2026-01-01', '2026-01-31'],
  ['2026-02-01', '2026-02-28'],
  ['2026-03-01', '2026-03-31'],
  ['2026-04-01', '2026-04-30'], // running
  ['2026-01-01', '2026-03-31'], // a quarter
  ['2026-01-01', '2026-12-31'], // the running year
  ['2026-02-15', '2026-03-20'], // custom, across a month's end
  ['2026-06-01', '2026-06-30'], // ahead
];

describe('the dashboard equals a brute-force count of the tables', () => {
  it('generated a center with every kind of step', () => {
    expect(g.cases).toBeGreaterThan(150);
    expect(world.transfers.size).toBeGreaterThan(3);
    expect(world.changes.size).toBeGreaterThan(3);
    const ratings = [...world.visits.values()].flat().map((v) => v.satisfaction);
    expect(ratings).toContain(null);
    expect(ratings).toContain('dissatisfied');
    const statuses = new Set(world.cases.map((c) => c.status));
    for (const s of [
      'registered',
      'declined',
      'referred',
      'in_mediation',
      'concluded',
      'archived',
    ]) {
      expect(statuses).toContain(s);
    }
  });

  it.each(PERIODS)(
    '%s to %s: totals, by studio, category, source, and the previous period',
    async (from, to) => {
      const view = await dashboard(from, to);
      const brute = bruteForce(world, { from, to }, today, null);
      expectFigures(view.current, brute, '', 'total');
      for (const s of view.byStudio)
        expectFigures(s.figures, brute, `@${s.studioId}`, `studio ${s.studioId}`);
      for (const c of view.byCategory) {
        expectFigures(c.figures, brute, `#category:${c.category}`, c.category);
      }
      for (const s of view.bySource)
        expectFigures(s.figures, brute, `#source:${s.source}`, s.source);
      // Categories and sources left out counted nothing.
      const shown = new Set(view.byCategory.map((c) => c.category));
      for (const key of Object.keys(brute)) {
        const category = /#category:(.+)$/.exec(key)?.[1];
        if (category !== undefined) expect(shown).toContain(category);
      }
      const previous = bruteForce(world, view.previousPeriod, today, null);
      expectFigures(view.previous, previous, '', 'previous');
    },
  );

  it('the trend: every month counted alone (events only)', async () => {
    const view = await dashboard('2026-01-01', '2026-12-31');
    expect(view.trend.map((m) => m.month)).toEqual([
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
    ]);
    for (const m of view.trend) {
      const brute = bruteForce(world, m, today, null);
      expectFigures(m.figures, brute, '', m.month, STATE_MEASURES);
      for (const s of STATE_MEASURES) expect(m.figures.counts[s]).toBe(0);
    }
  });

  it('a studio filter counts the cases each period ends with in those studios', async () => {
    for (const scope of [
      [g.studios.medical ?? 0],
      [g.studios.labour ?? 0, g.studios.family ?? 0],
    ]) {
      for (const [from, to] of PERIODS.slice(2, 7)) {
        const view = await dashboard(from, to, scope);
        expectFigures(
          view.current,
          bruteForce(world, { from, to }, today, scope),
          '',
          `scope ${scope}`,
        );
        expect(view.byStudio.map((s) => s.studioId)).toEqual(scope);
        expectFigures(
          view.previous,
          bruteForce(world, view.previousPeriod, today, scope),
          '',
          `previous scope ${scope}`,
        );
      }
    }
  });
});

async function drillAll(input: Record<string, unknown>): Promise<number[]> {
  const ids: number[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await g.t.ok('reports/drill', { ...input, offset, limit: 200 }, BOSS);
    ids.push(...page.items.map((i) => i.id));
    if (offset + 200 >= page.total) {
      expect(ids).toHaveLength(page.total);
      return ids;
    }
  }
}

describe('drill-down lists hold exactly the cases a figure counts', () => {
  const sorted = (ids: readonly number[]) => [...ids].sort((a, b) => a - b);

  it('for every measure of a quarter, in total and for one studio', async () => {
    const period = { from: '2026-01-01', to: '2026-03-31' };
    const brute = bruteForce(world, period, today, null);
    const medical = g.studios.medical ?? 0;
    for (const measure of MEASURES) {
      expect(sorted(await drillAll({ ...period, measure })), measure).toEqual(
        sorted(brute[measure] ?? []),
      );
    }
    for (const measure of ['registered', 'concludedLate', 'overdueAtEnd', 'satisfied'] as const) {
      const ids = await drillAll({ ...period, measure, group: { by: 'studio', key: medical } });
      expect(sorted(ids), measure).toEqual(sorted(brute[`${measure}@${medical}`] ?? []));
    }
  });

  it('for a category and a source of the running month, and a month of the trend', async () => {
    const april = { from: '2026-04-01', to: '2026-04-30' };
    const brute = bruteForce(world, april, today, null);
    const view = await dashboard(april.from, april.to);
    const category = view.byCategory[0]?.category ?? 'medical';
    const source = view.bySource[0]?.source ?? 'walk_in';
    const byCategory = await drillAll({
      ...april,
      measure: 'registered',
      group: { by: 'category', key: category },
    });
    expect(sorted(byCategory)).toEqual(sorted(brute[`registered#category:${category}`] ?? []));
    const bySource = await drillAll({
      ...april,
      measure: 'openAtEnd',
      group: { by: 'source', key: source },
    });
    expect(sorted(bySource)).toEqual(sorted(brute[`openAtEnd#source:${source}`] ?? []));
    const february = { from: '2026-02-01', to: '2026-02-28' };
    const trendMonth = (await dashboard('2026-01-01', '2026-12-31')).trend.find(
      (m) => m.month === '2026-02',
    );
    const concluded = await drillAll({ ...february, measure: 'concluded' });
    expect(concluded).toHaveLength(trendMonth?.figures.counts.concluded ?? -1);
  });

  it('newest registration first', async () => {
    const ids = await drillAll({ from: '2026-03-01', to: '2026-03-31', measure: 'registered' });
    const registered = new Map(world.cases.map((c) => [c.id, c.registeredAt]));
    const days = ids.map((id) => centerDate(new Date(registered.get(id) ?? '')));
    expect(days).toEqual([...days].sort().reverse());
  });
});

describe('the overdue list', () => {
  it('lists the cases the dashboard counts overdue today, earliest deadline first', async () => {
    const view = await dashboard('2026-04-01', '2026-04-30');
    const page = await g.t.ok('reports/overdue', { kinds: ['overdue'], limit: 200 }, BOSS);
    expect(page.total).toBe(view.current.counts.overdueAtEnd);
    const brute = bruteForce(world, { from: '2026-04-01', to: '2026-04-30' }, today, null);
    expect(page.items.map((i) => i.id).sort((a, b) => a - b)).toEqual(
      [...(brute.overdueAtEnd ?? [])].sort((a, b) => a - b),
    );
    const due = page.items.map((i) => i.urgent.dueOn);
    expect(due).toEqual([...due].sort());
    expect(page.items.every((i) => i.urgent.daysLeft < 0 && i.urgent.dueOn < today)).toBe(true);
  });

  it('lists unanswered cases past the response limit and cases due within three days', async () => {
    const page = await g.t.ok('reports/overdue', { limit: 200 }, BOSS);
    expect(page.counts.overdue + page.counts.dueSoon + page.counts.response).toBe(page.total);
    for (const item of page.items) {
      if (item.urgent.kind === 'response') {
        expect(item.status).toBe('registered');
        expect(item.urgent.dueOn < today).toBe(true);
      }
      if (item.urgent.kind === 'dueSoon') expect(item.urgent.daysLeft).toBeGreaterThanOrEqual(0);
      if (item.urgent.kind === 'dueSoon') expect(item.urgent.daysLeft).toBeLessThanOrEqual(3);
    }
    const unanswered = world.cases.filter(
      (c) =>
        c.status === 'registered' &&
        world.calendar.addWorkingDays(centerDate(new Date(c.registeredAt)), 1) < today,
    );
    expect(page.counts.response).toBe(unanswered.length);
  });
});
