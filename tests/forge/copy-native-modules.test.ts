import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyNativeModules, type CopiedModule } from '../../electron/packaging/copy-native-modules';

const run = promisify(execFile);
const projectDir = path.resolve(import.meta.dirname, '../..');
const node = path.join(projectDir, 'node_modules', '.bin', 'node');

let buildPath: string;
let copied: CopiedModule[];

beforeAll(async () => {
  buildPath = await fs.mkdtemp(path.join(os.tmpdir(), 'desk-package-'));
  copied = await copyNativeModules(buildPath);
});

afterAll(async () => {
  await fs.rm(buildPath, { recursive: true, force: true });
});

async function files(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .sort();
}

describe('copyNativeModules', () => {
  it('copies sqlite3 and its run-time dependencies, nothing used only at install time', async () => {
    expect(copied.map((module) => module.name).sort()).toEqual([
      'bindings',
      'file-uri-to-path',
      'sqlite3',
    ]);
    expect((await fs.readdir(path.join(buildPath, 'node_modules'))).sort()).toEqual([
      'bindings',
      'file-uri-to-path',
      'sqlite3',
    ]);
  });

  it('takes from sqlite3 only its JavaScript, manifest, licence and compiled addon', async () => {
    const sqlite3 = await files(path.join(buildPath, 'node_modules', 'sqlite3'));
    expect(sqlite3).toContain('package.json');
    expect(sqlite3).toContain('lib/sqlite3.js');
    expect(sqlite3).toContain('build/Release/node_sqlite3.node');
    const unexpected = sqlite3.filter(
      (file) =>
        !['package.json', 'LICENSE', 'build/Release/node_sqlite3.node'].includes(file) &&
        !file.startsWith('lib/'),
    );
    expect(unexpected).toEqual([]);
    // The C++ sources, the SQLite amalgamation and build intermediates stay behind.
    for (const absent of [
      'src',
      'deps',
      'binding.gyp',
      'build/Release/obj.target',
      'build/Makefile',
    ]) {
      expect(existsSync(path.join(buildPath, 'node_modules', 'sqlite3', absent)), absent).toBe(
        false,
      );
    }
  });

  it('leaves a self-contained tree: a bare Node process can open a database with it', async () => {
    const env = Object.fromEntries(
      Object.entries(process.env).filter(
        ([name]) => name !== 'NODE_PATH' && name !== 'NODE_OPTIONS',
      ),
    );
    const script = `
      const sqlite3 = require(process.argv[1]);
      const db = new sqlite3.Database(':memory:');
      db.get('select 1 as one', (error, row) => {
        if (error) throw error;
        db.close(() => {
          const loaded = Object.keys(require.cache);
          process.stdout.write(JSON.stringify({ row, loaded }));
        });
      });
    `;
    const { stdout } = await run(
      node,
      ['-e', script, path.join(buildPath, 'node_modules', 'sqlite3')],
      { cwd: buildPath, env },
    );
    const result = JSON.parse(stdout) as { row: unknown; loaded: string[] };
    expect(result.row).toEqual({ one: 1 });
    // Every module it loaded, the addon included, came from the copy, none from the project.
    const realBuildPath = await fs.realpath(buildPath);
    expect(result.loaded.filter((file) => !file.startsWith(realBuildPath + path.sep))).toEqual([]);
    expect(result.loaded).toContain(
      path.join(realBuildPath, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node'),
    );
  });

  it('replaces an earlier copy instead of mixing with it', async () => {
    const stale = path.join(buildPath, 'node_modules', 'sqlite3', 'deps', 'stale.c');
    await fs.mkdir(path.dirname(stale), { recursive: true });
    await fs.writeFile(stale, '');
    await copyNativeModules(buildPath);
    expect(existsSync(stale)).toBe(false);
  });
});
