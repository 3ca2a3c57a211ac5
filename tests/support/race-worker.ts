import { once } from 'node:events';
import type { ApiResult } from '../../src/api/result';
import { openCore, type Core } from '../../src/app/core';
import type { CoreTarget } from './test-postgres';

/**
 * The child-process half of the race harness (tests/support/race-harness.ts starts the
 * children). A worker is one workstation: its own core on the shared database, its own
 * sign-in. It prints "ready", waits for one line on stdin so that every worker starts at the
 * same moment, does its work and prints one JSON line, its report. Nothing here imports vitest:
 * it runs under plain tsx.
 */

/** What every worker is told; `T` adds the worker's own instructions. */
export interface WorkerConfig {
  /** The database every workstation of the race opens (sameDatabaseAs the test core's). */
  readonly target: CoreTarget;
  readonly nowIso: string;
  readonly username: string;
  readonly password: string;
}

/** The signed-in workstation a worker's work runs on. */
export interface Workstation {
  readonly core: Core;
  call(method: string, input: unknown): Promise<ApiResult<unknown>>;
}

/** The last line a worker prints. */
export interface WorkerReport<R> {
  readonly value: R;
  /** Errors the dispatcher reported as INTERNAL: a race must never cause one. */
  readonly internal: string[];
}

/**
 * Runs one worker: `work` receives the config (argv[2], JSON) and the signed-in workstation
 * and returns what the worker saw, which becomes the report's `value`.
 */
export function raceWorker<C extends WorkerConfig, R>(
  work: (station: Workstation, config: C) => Promise<R>,
): void {
  main(work).catch((error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}

async function main<C extends WorkerConfig, R>(
  work: (station: Workstation, config: C) => Promise<R>,
): Promise<void> {
  const json = process.argv[2];
  if (json === undefined) throw new Error('usage: tsx <worker>.ts <configJson>');
  const config = JSON.parse(json) as C;
  const internal: string[] = [];
  const core = await openCore({
    dbFile: config.target.dbFile,
    ...(config.target.postgres === undefined ? {} : { postgres: config.target.postgres }),
    now: () => new Date(config.nowIso),
    onInternalError: (method, error) => internal.push(`${method}: ${String(error)}`),
  });
  try {
    const session = `worker-${config.username}`;
    const call = (method: string, input: unknown) => core.dispatch(session, method, input);
    const signedIn = await call('auth/signIn', {
      username: config.username,
      password: config.password,
    });
    if (!signedIn.ok) throw new Error(`sign-in failed: ${JSON.stringify(signedIn.error)}`);
    process.stdout.write('ready\n');
    await once(process.stdin, 'data');
    process.stdin.pause();
    const value = await work({ core, call }, config);
    const report: WorkerReport<R> = { value, internal };
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    await core.close();
  }
}
