import type { Database } from '../db/database';
import type { PostgresConnection } from '../db/postgres/pg-connection';

/** Where this workstation's record lives (Settings → Database). */
export type DatabaseChoice =
  | { readonly engine: 'sqlite' }
  | { readonly engine: 'postgres'; readonly connection: PostgresConnection };

/**
 * Keeps the choice between runs. The desktop app's store (electron/database-config.ts) writes a
 * JSON file in the user-data folder with the password encrypted by the operating system
 * (Electron's safeStorage); where the system offers no encryption it keeps no password at all,
 * and the running app holds it in memory only. Synchronous: it is read once at start and
 * written at the moment of switching.
 */
export interface DatabaseChoiceStore {
  /** Whether a server password can be kept encrypted between runs. */
  readonly canKeepPasswords: boolean;
  load(): DatabaseChoice;
  save(choice: DatabaseChoice): void;
}

/** A store that forgets on exit (tests; the preview, which has no system encryption). */
export function memoryChoiceStore(
  initial: DatabaseChoice = { engine: 'sqlite' },
): DatabaseChoiceStore {
  let current = initial;
  return {
    canKeepPasswords: false,
    load: () => current,
    save: (choice) => {
      current = choice;
    },
  };
}

/**
 * What the `database/*` methods may do to the running core (HandlerContext.database): read the
 * current choice, open another database beside the current one, and move the core onto it.
 */
export interface DatabaseSwitchboard {
  /** The current choice, password included (never send it to a window). */
  current(): DatabaseChoice;
  readonly canKeepPasswords: boolean;
  /** This computer's database file (the embedded choice). */
  readonly embeddedFile: string;
  /** The database in use now, outside the calling method's transaction. */
  currentDatabase(): Database;
  /** Opens and migrates a database; the caller passes it to `adopt` or destroys it. */
  open(choice: DatabaseChoice): Promise<Database>;
  /**
   * Call from `afterCommit`: keeps the choice, moves the core onto `db` (every window signs in
   * again: the other database has its own staff), and closes the old database once calls
   * already running on it have had time to finish.
   */
  adopt(choice: DatabaseChoice, db: Database): void;
}
