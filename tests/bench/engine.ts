import type { Core } from '../../src/app/core';
import type { Generated } from './generate/generate';
import { BENCH_PASSWORD } from './intake';
import type { Figure } from './measure';
import { caller, measureIntakeAndCase, measureList, measureSearch } from './operations';
import type { SearchSamples } from './scenarios';
import type { GeneratedSessions } from './schedule-generate';
import { measureSchedule } from './schedule';
import { dispatcherWithIndexedIntake } from './wired-intake';

const DIRECTOR = 'bench-director';
const MEDIATOR = 'bench-mediator';

export interface EngineRun {
  readonly figures: Figure[];
  /** The signed-in callers, for the sections measured on one engine only. */
  readonly callers: Parameters<typeof measureList>[0];
}

/**
 * The figures measured on each engine, over the same data with the same samples: the case list,
 * search, intake and the existing operations, scheduling.
 */
export async function measureEngine(
  core: Core,
  cases: number,
  generated: Generated,
  samples: SearchSamples,
  sessions: GeneratedSessions,
): Promise<EngineRun> {
  const wired = dispatcherWithIndexedIntake(core.db).dispatch;
  const signIn = (dispatch: typeof wired, session: string, username: string) =>
    caller(dispatch, session)('auth/signIn')({ username, password: BENCH_PASSWORD });
  await signIn(core.dispatch, DIRECTOR, 'bench');
  await signIn(core.dispatch, MEDIATOR, generated.mediator.username);
  await signIn(wired, DIRECTOR, 'bench');
  const studios = (await caller(core.dispatch, DIRECTOR)('studios/list')({})) as { id: number }[];
  const callers = {
    dispatch: core.dispatch,
    director: DIRECTOR,
    mediator: MEDIATOR,
    mediatorStaffId: generated.mediator.staffId,
    studioIds: studios.map((s) => s.id),
  };
  const figures = [
    ...(await measureList(callers)),
    ...(await measureSearch(callers, samples)),
    ...(await measureIntakeAndCase(callers, wired, cases)),
    ...(await measureSchedule(core.dispatch, DIRECTOR, sessions)),
  ];
  return { figures, callers };
}
