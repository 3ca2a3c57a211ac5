import type { ConnectionProblem } from '../../settings/database.schema';

/** A message key of src/shared/messages.ts with its placeholders' values. */
export interface ProbeMessage {
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface ProbeFailure {
  readonly problem: ConnectionProblem;
  readonly message: ProbeMessage;
}

/** What the message needs to name: where the test went, as whom. */
export interface ProbeTarget {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
}

/** Nothing listens, or the network has no route there: the address, the server or a firewall. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN']);
/** The name does not resolve (EAI_AGAIN: no answer from the name server either). */
const UNKNOWN_HOST = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME']);
/** Node's names for a certificate chain the system does not trust. */
const UNTRUSTED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REJECTED',
]);
const EXPIRED = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

function fields(error: unknown): { code: string | null; message: string } {
  if (typeof error !== 'object' || error === null) return { code: null, message: String(error) };
  const { code, message } = error as { code?: unknown; message?: unknown };
  // Node reports a name with several addresses (localhost: ::1 and 127.0.0.1) as an
  // AggregateError whose own code may be missing; the first attempt's says what happened.
  if (typeof code !== 'string' && error instanceof AggregateError && error.errors.length > 0) {
    return fields(error.errors[0]);
  }
  return {
    code: typeof code === 'string' ? code : null,
    message: typeof message === 'string' ? message : String(error),
  };
}

/** The error and the errors it wraps (pg-pool wraps a timed-out connection's error). */
function chain(error: unknown): unknown[] {
  const out: unknown[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && out.length < 5) {
    out.push(current);
    current = typeof current === 'object' ? (current as { cause?: unknown }).cause : undefined;
  }
  return out;
}

const failure = (
  problem: ConnectionProblem,
  key: string,
  params: Readonly<Record<string, string | number>>,
): ProbeFailure => ({ problem, message: { key, params } });

/**
 * Why connecting failed, in terms a center's administrator can act on: the socket's error
 * codes (Node), the TLS layer's, and the server's SQLSTATE (PostgreSQL's error codes).
 */
export function classifyConnectionError(error: unknown, target: ProbeTarget): ProbeFailure {
  const { host, port, database, user } = target;
  const all = chain(error).map(fields);
  const first = all[0] ?? { code: null, message: String(error) };
  const has = (test: (f: { code: string | null; message: string }) => boolean) => all.some(test);

  if (has((f) => /timeout|timed out/i.test(f.message) || f.code === 'ETIMEDOUT')) {
    return failure('timeout', 'error.database.timeout', { host, port });
  }
  if (has((f) => f.code !== null && UNKNOWN_HOST.has(f.code))) {
    return failure('unreachable', 'error.database.hostNotFound', { host });
  }
  if (has((f) => f.code !== null && UNREACHABLE.has(f.code))) {
    return failure('unreachable', 'error.database.unreachable', { host, port });
  }
  if (has((f) => /does not support SSL/i.test(f.message))) {
    return failure('tls', 'error.database.tls.notSupported', {});
  }
  if (has((f) => f.code === 'ERR_TLS_CERT_ALTNAME_INVALID')) {
    return failure('tls', 'error.database.tls.hostname', { host });
  }
  if (has((f) => f.code !== null && EXPIRED.has(f.code))) {
    return failure('tls', 'error.database.tls.expired', {});
  }
  if (has((f) => f.code !== null && UNTRUSTED.has(f.code))) {
    return failure('tls', 'error.database.tls.untrusted', {});
  }
  if (has((f) => (f.code ?? '').startsWith('ERR_SSL') || f.code === 'EPROTO')) {
    return failure('tls', 'error.database.tls.failed', { detail: first.message });
  }
  switch (first.code) {
    case '28P01': // invalid_password
      return failure('authentication', 'error.database.authentication', { user, database });
    case '28000': // invalid_authorization_specification: no such role, or pg_hba.conf refuses
      // pg_hba.conf has only `hostssl` lines for this workstation: the server wants TLS.
      if (/no encryption/i.test(first.message)) {
        return failure('tls', 'error.database.tls.required', {});
      }
      return failure('authentication', 'error.database.authentication.refused', { user, database });
    case '3D000': // invalid_catalog_name
      return failure('databaseMissing', 'error.database.databaseMissing', { database, user });
    case '42501': // insufficient_privilege: the app's tables are someone else's, not shared
      return failure('permission', 'error.database.permission.tables', { user, database });
    default:
      break;
  }
  // node-postgres asks for the password only when the server wants one and none was given.
  if (has((f) => /client password must be/i.test(f.message))) {
    return failure('authentication', 'error.database.authentication.passwordNeeded', { user });
  }
  return failure('unknown', 'error.database.unknown', { detail: first.message });
}

/** `server_version_num` as people write it: 150018 → "15.18", 90624 → "9.6.24". */
export function formatServerVersion(num: number): string {
  const major = Math.floor(num / 10000);
  if (major >= 10) return `${major}.${num % 10000}`;
  return `${major}.${Math.floor(num / 100) % 100}.${num % 100}`;
}
