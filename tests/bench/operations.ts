import type { Dispatch } from '../../src/api/dispatcher';
import { registration } from './intake';
import { measure, type Figure } from './measure';
import { listScenarios, type SearchSamples } from './scenarios';

/** Who calls: the benchmark's director (sees all studios) and one studio's mediator. */
export interface Callers {
  readonly dispatch: Dispatch;
  readonly director: string;
  readonly mediator: string;
  readonly mediatorStaffId: number;
  readonly studioIds: readonly number[];
}

export function caller(dispatch: Dispatch, session: string) {
  return (method: string) => async (input: unknown) => {
    const result = await dispatch(session, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  };
}

const OPEN = ['registered', 'accepted', 'in_mediation'];

/** The Cases screen: filter bar and sort, the next pages, the "共 N 件" count. */
export async function measureList(c: Callers): Promise<Figure[]> {
  console.log('\ncase list (cases/list, 50 rows)');
  const list = caller(c.dispatch, c.director)('cases/list');
  const count = caller(c.dispatch, c.director)('cases/count');
  const own = caller(c.dispatch, c.mediator)('cases/list');
  const scenarios = listScenarios(c.studioIds, c.mediatorStaffId);
  const ownScenarios = [
    {},
    { overdue: true, dueSoon: true },
    { statuses: OPEN, sort: 'deadlineOn', direction: 'asc' },
    { mediatorId: c.mediatorStaffId, statuses: OPEN },
    { mediatorId: c.mediatorStaffId },
    { sort: 'number', direction: 'desc' },
  ];
  const pages: object[] = [];
  for (const input of scenarios) {
    let after: string | null = null;
    for (let page = 0; page < 4; page += 1) {
      const value = (await list(after === null ? input : { ...input, after })) as {
        nextCursor: string | null;
      };
      if (value.nextCursor === null) break;
      after = value.nextCursor;
      pages.push({ ...input, after });
    }
  }
  const at = <T>(items: readonly T[], i: number): T | object => items[i % items.length] ?? {};
  return [
    await measure(`filters + sort, director (${scenarios.length} filter sets)`, 15, (i) =>
      list(at(scenarios, i)),
    ),
    await measure('filters + sort, mediator (own studio)', 15, (i) => own(at(ownScenarios, i))),
    await measure('next pages (keyset cursor, pages 2–5)', 15, (i) => list(at(pages, i))),
    await measure('count (cases/count, same filter sets)', 30, (i) => {
      const { sort: _s, direction: _d, ...filter } = at(scenarios, i) as Record<string, unknown>;
      return count(filter);
    }),
  ];
}

/**
 * The search box: names, number fragments, words; short terms; exact numbers. `samples` are
 * drawn once (searchSamples), so both engines answer the same queries.
 */
export async function measureSearch(c: Callers, samples: SearchSamples): Promise<Figure[]> {
  console.log('\nsearch (cases/list with q, 50 rows)');
  const list = caller(c.dispatch, c.director)('cases/list');
  const own = caller(c.dispatch, c.mediator)('cases/list');
  const count = caller(c.dispatch, c.director)('cases/count');
  const q = (items: readonly string[], i: number) => items[i % items.length] ?? '';
  const deadlineSorted = { statuses: ['accepted', 'in_mediation', 'concluded'] };
  return [
    await measure('3+ characters (names, number fragments, words)', 30, (i) =>
      list({ q: q(samples.long, i) }),
    ),
    await measure('3+ characters, with filters and deadline sort', 30, (i) =>
      list({ q: q(samples.long, i), ...deadlineSorted, sort: 'deadlineOn', direction: 'asc' }),
    ),
    await measure('3+ characters, mediator (own studio)', 30, (i) =>
      own({ q: q(samples.long, i) }),
    ),
    await measure('1–2 characters (two-character names, surnames, words)', 100, (i) =>
      list({ q: q(samples.short, i) }),
    ),
    await measure('1–2 characters, mediator (own studio)', 100, (i) =>
      own({ q: q(samples.short, i) }),
    ),
    await measure('full resident ID or phone (typed in groups)', 30, (i) =>
      list({ q: q(samples.identifiers, i) }),
    ),
    await measure('count of a 3+ character search', 30, (i) => count({ q: q(samples.long, i) })),
  ];
}

/** Intake (as it runs now, and with reindexCase wired in its transaction) and the old figures. */
export async function measureIntakeAndCase(
  c: Callers,
  wired: Dispatch,
  cases: number,
): Promise<Figure[]> {
  console.log('\nintake and the existing operations');
  const register = caller(c.dispatch, c.director)('cases/register');
  const registerIndexed = caller(wired, c.director)('cases/register');
  const call = (method: string) => caller(c.dispatch, c.director)(method);
  const studio = (i: number) => c.studioIds[i % c.studioIds.length] ?? 1;
  return [
    await measure('intake transaction (cases/register)', 10, (i) =>
      register(registration(i, studio(i))),
    ),
    await measure('intake + reindexCase in its transaction', 10, (i) =>
      registerIndexed(registration(100_000 + i, studio(i))),
    ),
    await measure('studio queue, 50 rows (cases/queue)', 15, (i) =>
      call('cases/queue')({ studioId: studio(i), limit: 50 }),
    ),
    await measure('open a case (cases/get)', 15, (i) =>
      call('cases/get')({ id: 1 + ((i * 7919) % cases) }),
    ),
    await measure('find a party by name (parties/search)', 30, (i) =>
      call('parties/search')({ q: `${'王李张刘陈'[i % 5]}${'伟芳娜敏静'[i % 5]}` }),
    ),
  ];
}
