import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findPgBin } from '../../harness/pg-cluster';
import { closedPort } from './database-support';

/**
 * A throwaway PostgreSQL cluster that demands a password (scram-sha-256 for every connection,
 * as a center's server would), for testing what a wrong or missing password looks like. The
 * shared test server trusts everyone, so it cannot show that.
 */
export interface PasswordCluster {
  readonly port: number;
  /** The superuser `postgres`'s password. */
  readonly password: string;
  stop(): void;
}

export async function startPasswordCluster(password: string): Promise<PasswordCluster> {
  const bin = findPgBin();
  if (bin === null) throw new Error('PostgreSQL server programs (initdb, pg_ctl) not found');
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(tmpdir(), 'md-pg-auth-'));
  chmodSync(dir, 0o777);
  const data = path.join(dir, 'data');
  const pwfile = path.join(dir, 'pw');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o644 });
  const run = (program: string, args: string[]) => {
    const full = path.join(bin, program);
    const [command, argv] = root
      ? ['runuser', ['-u', 'postgres', '--', full, ...args]]
      : [full, args];
    execFileSync(command, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
  };
  run('initdb', [
    '-D',
    data,
    '-A',
    'scram-sha-256',
    '-U',
    'postgres',
    `--pwfile=${pwfile}`,
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  const port = await closedPort();
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c max_connections=40',
  ].join(' ');
  run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', 'start']);
  let stopped = false;
  return {
    port,
    password,
    stop: () => {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
