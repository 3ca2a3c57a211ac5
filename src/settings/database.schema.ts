import { TLS_MODES } from '../db/postgres/pg-connection';
import { z } from '../shared/zod-messages';

/**
 * Settings → Database (issue #8): this computer's embedded file, or the center's PostgreSQL
 * server. Browser-safe: the form validates with the rules the core enforces.
 */

export { TLS_MODES };
export type TlsMode = (typeof TLS_MODES)[number];

/** A host name or an IPv4/IPv6 address as typed (no scheme, no port, no spaces). */
const HOST = /^[A-Za-z0-9._:[\]-]+$/;
/** An unquoted PostgreSQL identifier is what a center creates by following the README. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$-]*$/;

export const postgresConnectionSchema = z.object({
  host: z.string().trim().min(1).max(253).regex(HOST, { error: 'validation.database.host' }),
  port: z.number().int().min(1).max(65535),
  database: z
    .string()
    .trim()
    .min(1)
    .max(63)
    .regex(IDENTIFIER, { error: 'validation.database.name' }),
  user: z.string().trim().min(1).max(63).regex(IDENTIFIER, { error: 'validation.database.name' }),
  /**
   * Empty in `database/test` and `database/switch`: use the password of the current server
   * connection when host, port, database and user are the same; otherwise none (a trusted
   * workstation, or libpq's ~/.pgpass).
   */
  password: z.string().max(200),
  tls: z.enum(TLS_MODES),
});
export type PostgresConnectionInput = z.input<typeof postgresConnectionSchema>;

export const databaseTestInput = z.object({ connection: postgresConnectionSchema });

export const databaseSwitchInput = z.discriminatedUnion('engine', [
  z.object({ engine: z.literal('sqlite') }),
  z.object({
    engine: z.literal('postgres'),
    connection: postgresConnectionSchema,
    /**
     * Copy this computer's records into the server first. Only into a server that holds no
     * records yet (no staff, cases or audit rows); the local file is left as it is.
     */
    copyLocalData: z.boolean(),
  }),
]);
export type DatabaseSwitchInput = z.input<typeof databaseSwitchInput>;

/** Why a connection test failed, for the user: each has its own explanation and remedy. */
export const CONNECTION_PROBLEMS = [
  'unreachable', // nothing answers at host:port (wrong address, server down, firewall)
  'timeout', // no answer in time
  'tls', // the TLS mode does not fit the server, or its certificate is not trusted
  'authentication', // wrong user or password, or pg_hba.conf refuses this workstation
  'databaseMissing', // the server has no such database
  'permission', // the user may connect but not create the schema or the extensions
  'serverTooOld', // PostgreSQL older than MIN_SERVER_VERSION
  'schemaNewer', // a newer Mediation Desk upgraded that database
  'unknown', // anything else, explained in the message (another program's tables, not UTF8, ...)
] as const;
export type ConnectionProblem = (typeof CONNECTION_PROBLEMS)[number];

/** PostgreSQL 13: pg_trgm and btree_gist became trusted extensions (no superuser needed). */
export const MIN_SERVER_VERSION = 130000;

/** What the server's database holds, as far as this app is concerned. */
export type ServerSchema =
  | 'empty' // none of our tables: the app creates them on switching
  | 'older' // ours, with migrations this version will apply
  | 'current'
  | 'newer'; // upgraded by a newer app: refused

export interface ConnectionReport {
  readonly ok: boolean;
  readonly problem: ConnectionProblem | null;
  /** The explanation in the caller's language, with what to do. */
  readonly message: string;
  /** e.g. "15.18" */
  readonly serverVersion: string | null;
  readonly schema: ServerSchema | null;
  /** Whether the server already holds records (staff, cases or audit rows). */
  readonly hasRecords: boolean | null;
}

export interface DatabaseStatus {
  readonly engine: 'sqlite' | 'postgres';
  /** This computer's database file (kept, and used again if switched back). */
  readonly file: string;
  /** The server connection in use, without its password. */
  readonly server: (Omit<PostgresConnectionInput, 'password'> & { hasPassword: boolean }) | null;
  readonly serverVersion: string | null;
  /** Whether a server password can be kept encrypted by the system between runs. */
  readonly canKeepPasswords: boolean;
}

export interface SwitchResult {
  readonly engine: 'sqlite' | 'postgres';
  /** Rows copied per table, when the local records were copied into the server. */
  readonly copied: Readonly<Record<string, number>> | null;
}
