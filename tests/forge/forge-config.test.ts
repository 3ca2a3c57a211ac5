import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { MakerDeb } from '@electron-forge/maker-deb';
import { MakerRpm } from '@electron-forge/maker-rpm';
import { MakerSquirrel } from '@electron-forge/maker-squirrel';
import { MakerZIP } from '@electron-forge/maker-zip';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import type { ResolvedForgeConfig } from '@electron-forge/shared-types';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import config from '../../forge.config';

const projectDir = path.resolve(import.meta.dirname, '../..');

function plugin<T extends object>(type: abstract new (...args: never[]) => T): T {
  const found: unknown[] = (config.plugins ?? []).filter((p) => p instanceof type);
  expect(found).toHaveLength(1);
  return found[0] as T;
}

describe('forge.config.ts', () => {
  it('names the packaged app and unpacks the native addon from the asar', () => {
    const packager = config.packagerConfig;
    expect(packager?.name).toBe('Mediation Desk');
    expect(packager?.executableName).toBe('mediation-desk');
    const asar = packager?.asar;
    if (typeof asar !== 'object' || typeof asar.unpack !== 'string') {
      throw new Error('asar must be an object with an unpack pattern');
    }
    // @electron/asar matches absolute paths with matchBase; check dot folders in the path too.
    for (const buildDir of ['/tmp/out/app', '/home/clerk/.cache/out/app', 'C:/Users/a/.x/app']) {
      const addon = `${buildDir}/node_modules/sqlite3/build/Release/node_sqlite3.node`;
      expect(minimatch(addon, asar.unpack, { matchBase: true }), addon).toBe(true);
      expect(minimatch(`${buildDir}/.vite/build/main.cjs`, asar.unpack, { matchBase: true })).toBe(
        false,
      );
    }
  });

  it('never rebuilds sqlite3 (N-API; a rebuild needs Electron headers from the internet)', () => {
    expect(config.rebuildConfig?.ignoreModules).toEqual(['sqlite3']);
  });

  it('makes Squirrel for Windows, deb and rpm for Linux, zip everywhere', () => {
    const makers = (config.makers ?? []).map((maker) => ({
      type: maker.constructor,
      platforms: 'platforms' in maker ? [...(maker.platforms ?? [])].sort() : [],
    }));
    expect(makers).toEqual([
      { type: MakerSquirrel, platforms: ['win32'] },
      { type: MakerDeb, platforms: ['linux'] },
      { type: MakerRpm, platforms: ['linux'] },
      { type: MakerZIP, platforms: ['darwin', 'linux', 'win32'] },
    ]);
  });

  it('builds main and preload from electron/ and the main_window renderer with Vite', () => {
    const vite = plugin(VitePlugin);
    expect(vite.config.build).toEqual([
      { entry: 'electron/main.ts', config: 'vite.main.config.ts', target: 'main' },
      { entry: 'electron/preload.ts', config: 'vite.preload.config.ts', target: 'preload' },
    ]);
    expect(vite.config.renderer).toEqual([
      { name: 'main_window', config: 'vite.renderer.config.ts' },
    ]);
    for (const file of ['electron/main.ts', 'electron/preload.ts', 'vite.main.config.ts']) {
      expect(existsSync(path.join(projectDir, file)), file).toBe(true);
    }
  });

  it("flips the fuses Electron's security guide recommends", () => {
    const fuses = plugin(FusesPlugin).fusesConfig;
    expect(fuses).toEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: true,
      [FuseV1Options.WasmTrapHandlers]: true,
    });
    // OnlyLoadAppFromAsar is only safe with an asar to load from.
    expect(config.packagerConfig?.asar).toBeTruthy();
  });

  it('copies sqlite3 into the package after Forge copied the app', async () => {
    const hook = config.hooks?.packageAfterCopy;
    expect(hook).toBeTypeOf('function');
    const buildPath = await fs.mkdtemp(path.join(os.tmpdir(), 'desk-forge-hook-'));
    try {
      await hook?.({} as ResolvedForgeConfig, buildPath, '45.5.0', 'linux', 'x64');
      for (const file of [
        'sqlite3/package.json',
        'sqlite3/build/Release/node_sqlite3.node',
        'bindings/package.json',
        'file-uri-to-path/package.json',
      ]) {
        expect(existsSync(path.join(buildPath, 'node_modules', file)), file).toBe(true);
      }
    } finally {
      await fs.rm(buildPath, { recursive: true, force: true });
    }
  });

  it('points package.json main at the .cjs bundle Forge 8 emits', async () => {
    const pkg = JSON.parse(await fs.readFile(path.join(projectDir, 'package.json'), 'utf8')) as {
      main: string;
    };
    expect(pkg.main).toBe('.vite/build/main.cjs');
  });
});
