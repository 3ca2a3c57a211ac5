import type { PoolConfig } from 'pg';

/** How a workstation reaches the center's PostgreSQL server (Settings → Database). */
export interface PostgresConnection {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
  /** Empty: the server trusts the workstation, or libpq's password file (~/.pgpass) has it. */
  readonly password: string;
  /**
   * disable: plain TCP (a trusted LAN); require: encrypted, certificate not checked;
   * verify-full: encrypted, the server's certificate checked against the system's authorities.
   */
  readonly tls: 'disable' | 'require' | 'verify-full';
}

export const TLS_MODES = ['disable', 'require', 'verify-full'] as const;

/** Seconds a write transaction may wait for another workstation's before giving up (BUSY). */
export const LOCK_TIMEOUT_MS = 15_000;
/** A workstation that vanished mid-transaction releases its locks after this long. */
export const IDLE_IN_TRANSACTION_MS = 60_000;

export function poolConfig(connection: PostgresConnection, max = 8): PoolConfig {
  return {
    host: connection.host,
    port: connection.port,
    database: connection.database,
    user: connection.user,
    ...(connection.password === '' ? {} : { password: connection.password }),
    ssl:
      connection.tls === 'disable'
        ? false
        : { rejectUnauthorized: connection.tls === 'verify-full' },
    max,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'mediation-desk',
    options: `-c lock_timeout=${LOCK_TIMEOUT_MS} -c idle_in_transaction_session_timeout=${IDLE_IN_TRANSACTION_MS}`,
  };
}

/** `postgres://user:password@host:port/database` (tests, the preview's --pg flag). */
export function parsePostgresUrl(url: string): PostgresConnection {
  const parsed = new URL(url);
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new Error(`not a postgres:// address: ${url}`);
  }
  const sslmode = parsed.searchParams.get('sslmode');
  return {
    host: parsed.hostname,
    port: parsed.port === '' ? 5432 : Number(parsed.port),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres',
    user: decodeURIComponent(parsed.username) || 'postgres',
    password: decodeURIComponent(parsed.password),
    tls: sslmode === 'require' || sslmode === 'verify-full' ? sslmode : 'disable',
  };
}
