import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkerConfig, WorkerReport } from './race-worker';

export type { WorkerConfig, WorkerReport } from './race-worker';

/**
 * Races between workstations: child processes (tsx), each with its own core on one database,
 * started together. The children are written with raceWorker (tests/support/race-worker.ts).
 * Their target is the test core's database (sameDatabaseAs in test-postgres.ts): its file in
 * the `sqlite` test project, its server database in the `postgres` project.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsxCli = path.join(repoRoot, 'node_modules/.bin/tsx');

/**
 * Starts one child per config (`script` given the config as JSON), waits until every one has
 * signed in, then tells all of them to go at once; resolves with their reports in config order.
 * A child that fails or dies, before or after "ready", fails the race instead of hanging it.
 */
export async function runWorkers<C extends WorkerConfig, R>(
  script: string,
  configs: readonly C[],
): Promise<WorkerReport<R>[]> {
  const children = configs.map((config) =>
    spawn(process.execPath, [tsxCli, script, JSON.stringify(config)], {
      cwd: repoRoot,
      stdio: ['pipe', 'pipe', 'pipe'],
    }),
  );
  const outputs = children.map((child) => {
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    const ready = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('ready\n')) resolve();
      });
    });
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    const exited = new Promise<WorkerReport<R>>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => {
        const last = stdout.trim().split('\n').at(-1) ?? '';
        if (code !== 0 || !last.startsWith('{')) {
          reject(new Error(`worker exited with ${code}: ${stderr || stdout}`));
        } else {
          resolve(JSON.parse(last) as WorkerReport<R>);
        }
      });
    });
    return { ready, exited };
  });
  try {
    await Promise.race([
      Promise.all(outputs.map((o) => o.ready)),
      Promise.all(outputs.map((o) => o.exited)),
    ]);
    for (const child of children) child.stdin.end('go\n');
    return await Promise.all(outputs.map((o) => o.exited));
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
  }
}
