import path from 'node:path';

/**
 * Environment variables the main process honours, for the end-to-end tests and for portable
 * setups (a copy of the app on a USB stick with its data beside it).
 */
export const DATABASE_FILE_ENV = 'MEDIATION_DESK_DB';
export const USER_DATA_DIR_ENV = 'MEDIATION_DESK_USER_DATA';

export const DEFAULT_DATABASE_NAME = 'mediation-desk.sqlite';

type Env = Readonly<Record<string, string | undefined>>;

/** The SQLite file: `MEDIATION_DESK_DB` if set, else `<userData>/mediation-desk.sqlite`. */
export function databaseFile(userDataDir: string, env: Env = process.env): string {
  const override = env[DATABASE_FILE_ENV];
  return override ? path.resolve(override) : path.join(userDataDir, DEFAULT_DATABASE_NAME);
}

/**
 * The user-data folder override, if any. It also moves the single-instance lock, so test runs
 * and portable copies do not collide with an installed app on the same machine.
 */
export function userDataDirOverride(env: Env = process.env): string | null {
  const override = env[USER_DATA_DIR_ENV];
  return override ? path.resolve(override) : null;
}
