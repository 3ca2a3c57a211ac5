import { describe, expect, it } from 'vitest';
import { serverVersionProblem } from '../../../src/db/postgres/probe';
import {
  classifyConnectionError,
  formatServerVersion,
} from '../../../src/db/postgres/probe-errors';
import { errorMessages } from '../../../src/shared/messages';

/**
 * How the connection test names what went wrong, for failures a test server cannot easily
 * produce (the real ones are in database.pg.test.ts): errors as Node, its TLS layer and
 * PostgreSQL raise them.
 */
const target = { host: 'db.center.lan', port: 5432, database: 'mediation', user: 'desk' };

function nodeError(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

describe('classifyConnectionError', () => {
  it.each([
    ['unreachable', 'error.database.unreachable', nodeError('EHOSTUNREACH')],
    ['unreachable', 'error.database.unreachable', nodeError('ENETUNREACH')],
    ['unreachable', 'error.database.hostNotFound', nodeError('ENOTFOUND')],
    ['unreachable', 'error.database.hostNotFound', nodeError('EAI_AGAIN')],
    ['timeout', 'error.database.timeout', nodeError('ETIMEDOUT')],
    [
      'timeout',
      'error.database.timeout',
      new Error('Connection terminated due to connection timeout', {
        cause: new Error('Connection terminated unexpectedly'),
      }),
    ],
    ['tls', 'error.database.tls.untrusted', nodeError('SELF_SIGNED_CERT_IN_CHAIN')],
    ['tls', 'error.database.tls.untrusted', nodeError('UNABLE_TO_GET_ISSUER_CERT_LOCALLY')],
    ['tls', 'error.database.tls.hostname', nodeError('ERR_TLS_CERT_ALTNAME_INVALID')],
    ['tls', 'error.database.tls.expired', nodeError('CERT_HAS_EXPIRED')],
    ['tls', 'error.database.tls.failed', nodeError('ERR_SSL_WRONG_VERSION_NUMBER')],
    [
      'tls',
      'error.database.tls.required',
      nodeError(
        '28000',
        'no pg_hba.conf entry for host "10.0.0.7", user "desk", database "mediation", no encryption',
      ),
    ],
    [
      'authentication',
      'error.database.authentication.refused',
      nodeError('28000', 'no pg_hba.conf entry for host "10.0.0.7", user "desk", SSL encryption'),
    ],
    ['authentication', 'error.database.authentication', nodeError('28P01')],
    ['databaseMissing', 'error.database.databaseMissing', nodeError('3D000')],
    ['permission', 'error.database.permission.tables', nodeError('42501')],
    ['unknown', 'error.database.unknown', nodeError('53300', 'sorry, too many clients already')],
  ])('%s: %s', (problem, key, error) => {
    const found = classifyConnectionError(error, target);
    expect(found).toMatchObject({ problem, message: { key } });
    expect(Object.keys(errorMessages)).toContain(key);
  });

  it('reads the first attempt of a name with several addresses', () => {
    const error = new AggregateError([nodeError('ECONNREFUSED'), nodeError('ECONNREFUSED')]);
    expect(classifyConnectionError(error, target)).toMatchObject({
      problem: 'unreachable',
      message: { params: { host: 'db.center.lan', port: 5432 } },
    });
  });

  it('says what the server said when it is none of the known cases', () => {
    const found = classifyConnectionError(nodeError('53300', 'too many clients'), target);
    expect(found.message.params).toEqual({ detail: 'too many clients' });
  });
});

describe('server versions', () => {
  it('formats server_version_num the way PostgreSQL prints its version', () => {
    expect(formatServerVersion(150018)).toBe('15.18');
    expect(formatServerVersion(130000)).toBe('13.0');
    expect(formatServerVersion(90624)).toBe('9.6.24');
  });

  it('refuses a server older than PostgreSQL 13, naming both versions', () => {
    expect(serverVersionProblem(120017)).toEqual({
      problem: 'serverTooOld',
      message: { key: 'error.database.serverTooOld', params: { version: '12.17', minimum: '13' } },
      schema: null,
      hasRecords: null,
    });
    expect(serverVersionProblem(130000)).toBeNull();
    expect(serverVersionProblem(170002)).toBeNull();
  });
});

describe('messages', () => {
  it('every database message is in Chinese and English', () => {
    const keys = Object.keys(errorMessages).filter((k) => k.startsWith('error.database.'));
    expect(keys.length).toBeGreaterThan(25);
    for (const key of keys) {
      const text = errorMessages[key as keyof typeof errorMessages];
      expect(text['zh-CN'], key).toMatch(/[\u4e00-\u9fff]/);
      expect(text.en, key).toMatch(/^[\x20-\x7e]+$/);
    }
  });
});
