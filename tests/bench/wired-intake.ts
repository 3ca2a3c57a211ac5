import { methods } from '../../src/api/contract';
import { createDispatcher, type Dispatch } from '../../src/api/dispatcher';
import { defineMethod } from '../../src/api/method';
import { Sessions } from '../../src/app/sessions';
import type { Database } from '../../src/db/database';
import { reindexCase } from '../../src/search/case-search';

/**
 * A dispatcher whose cases/register also indexes the new case in its transaction, as the
 * registration service will (src/search/case-search.ts reindexCase): measures the intake as it
 * will run once wired, whether or not it is wired yet (a second reindex is a no-op).
 */
export function dispatcherWithIndexedIntake(db: Database): {
  dispatch: Dispatch;
  sessions: Sessions;
} {
  const register = methods['cases/register'];
  const sessions = new Sessions();
  const dispatch = createDispatcher({
    db,
    methods: {
      ...methods,
      'cases/register': defineMethod({
        ...register,
        handler: async (ctx, input) => {
          const registered = await register.handler(ctx, input);
          await reindexCase(ctx.db, registered.id);
          return registered;
        },
      }),
    },
    session: (key) => sessions.get(key),
    onInternalError: (method, error) => console.error(`[bench] ${method} failed:`, error),
  });
  return { dispatch, sessions };
}
