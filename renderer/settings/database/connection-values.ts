import type { ApiError } from '../../../src/api/result';
import type {
  DatabaseStatus,
  PostgresConnectionInput,
} from '../../../src/settings/database.schema';

export type ConnectionFields = PostgresConnectionInput;

/** The form's start: the server in use, or an empty form with PostgreSQL's usual port. */
export function initialConnection(status: DatabaseStatus): ConnectionFields {
  const server = status.server;
  if (server === null) {
    return { host: '', port: 5432, database: '', user: '', password: '', tls: 'disable' };
  }
  return {
    host: server.host,
    port: server.port,
    database: server.database,
    user: server.user,
    password: '',
    tls: server.tls,
  };
}

/**
 * What a test result belongs to: the values as the core reads them (trimmed). A result holds
 * only while the form still says the same thing.
 */
export function connectionKey(values: ConnectionFields): string {
  return JSON.stringify([
    values.host.trim(),
    Number(values.port),
    values.database.trim(),
    values.user.trim(),
    values.password,
    values.tls,
  ]);
}

/** Same server, database and user as the connection in use (its password is reused if blank). */
export function sameServer(status: DatabaseStatus, values: ConnectionFields): boolean {
  const server = status.server;
  return (
    server !== null &&
    server.host === values.host.trim() &&
    server.port === Number(values.port) &&
    server.database === values.database.trim() &&
    server.user === values.user.trim()
  );
}

/** `user@host:port/database`, for confirmations. */
export function describeServer(values: ConnectionFields): string {
  return `${values.user.trim()}@${values.host.trim()}:${values.port}/${values.database.trim()}`;
}

const FORM_FIELDS: ReadonlySet<string> = new Set([
  'host',
  'port',
  'database',
  'user',
  'password',
  'tls',
]);

/**
 * The core's field errors that belong on the form: it names fields inside `connection`, the
 * form has them at its top level. Others (e.g. `copyLocalData`) are left to the caller.
 */
export function formFieldErrors(error: ApiError): ApiError {
  if (error.fields === undefined) return error;
  const fields = Object.entries(error.fields)
    .map(([path, message]) => [path.replace(/^connection\./, ''), message] as const)
    .filter(([path]) => FORM_FIELDS.has(path));
  return fields.length === 0
    ? { code: error.code, message: error.message }
    : { ...error, fields: Object.fromEntries(fields) };
}
