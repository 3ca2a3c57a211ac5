import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The Vite plugin packages only `.vite/`; everything the main bundle imports is bundled except
 * `sqlite3`, whose native addon cannot be. This copies `sqlite3` and what it `require`s at run
 * time into `<buildPath>/node_modules/`, where the bundle's `require('sqlite3')` finds it.
 */

/**
 * Packages listed in `dependencies` that are only used while *installing* a native module and
 * are never `require`d by it at run time: `prebuild-install` downloads a prebuilt binary, and
 * `node-gyp` (with `node-addon-api`'s headers and `tar` for unpacking) compiles one. The
 * packaged app ships the binary that is already built, so copying them would add megabytes of
 * unused code (and their own dependency trees) to every installer.
 */
export const INSTALL_TIME_ONLY: ReadonlySet<string> = new Set([
  'prebuild-install',
  'node-addon-api',
  'node-gyp',
  'tar',
]);

/**
 * What to take from a package, when not all of it. sqlite3 ships its C++ sources and the
 * SQLite amalgamation (`src/`, `deps/`) and leaves build intermediates in `build/`; the app
 * needs its JavaScript and the one compiled addon. The licence travels with the binary because
 * its terms (BSD-3-Clause) require it.
 */
const PACKAGE_FILES: Readonly<Record<string, readonly string[]>> = {
  sqlite3: ['package.json', 'LICENSE', 'lib', 'build/Release/node_sqlite3.node'],
};

export interface CopyNativeModulesOptions {
  /** Directory whose `node_modules` the modules are resolved from; default: the project root. */
  readonly projectDir?: string;
  /** The modules to copy with their run-time dependencies; default `['sqlite3']`. */
  readonly modules?: readonly string[];
}

export interface CopiedModule {
  readonly name: string;
  readonly version: string;
  readonly from: string;
  readonly to: string;
}

const defaultProjectDir = fileURLToPath(new URL('../../', import.meta.url));

export async function copyNativeModules(
  buildPath: string,
  opts: CopyNativeModulesOptions = {},
): Promise<CopiedModule[]> {
  const projectDir = path.resolve(opts.projectDir ?? defaultProjectDir);
  const closure = await runtimeClosure(opts.modules ?? ['sqlite3'], projectDir);
  const copied: CopiedModule[] = [];
  for (const pkg of closure) {
    const to = path.join(buildPath, 'node_modules', pkg.name);
    await fs.rm(to, { recursive: true, force: true });
    const selection = PACKAGE_FILES[pkg.name];
    if (selection) {
      for (const entry of selection) {
        const source = path.join(pkg.dir, entry);
        if (!existsSync(source)) {
          if (entry === 'LICENSE') continue;
          throw new Error(`${pkg.name}: ${entry} is missing in ${pkg.dir} (was it built?)`);
        }
        await fs.cp(source, path.join(to, entry), { recursive: true, dereference: true });
      }
    } else {
      await fs.cp(pkg.dir, to, {
        recursive: true,
        dereference: true,
        // A nested node_modules holds dependencies of its own; those are walked separately.
        filter: (source) =>
          !path.relative(pkg.dir, source).split(path.sep).includes('node_modules'),
      });
    }
    copied.push({ name: pkg.name, version: pkg.version, from: pkg.dir, to });
  }
  return copied;
}

interface ResolvedPackage {
  readonly name: string;
  readonly version: string;
  readonly dir: string;
  readonly dependencies: readonly string[];
}

/** The modules and, transitively, their `dependencies` minus install-time-only packages. */
export async function runtimeClosure(
  roots: readonly string[],
  projectDir: string,
): Promise<ResolvedPackage[]> {
  const found = new Map<string, ResolvedPackage>();
  const queue = roots.map((name) => ({ name, from: projectDir }));
  for (let next = queue.shift(); next; next = queue.shift()) {
    if (INSTALL_TIME_ONLY.has(next.name)) continue;
    const pkg = await resolvePackage(next.name, next.from);
    const seen = found.get(pkg.name);
    if (seen) {
      // The copy is flat (node_modules/<name>); two versions of one name cannot both live there.
      if (seen.dir !== pkg.dir && seen.version !== pkg.version) {
        throw new Error(
          `${pkg.name} is needed in two versions (${seen.version}, ${pkg.version}); ` +
            'copyNativeModules only supports a flat dependency tree.',
        );
      }
      continue;
    }
    found.set(pkg.name, pkg);
    queue.push(...pkg.dependencies.map((name) => ({ name, from: pkg.dir })));
  }
  return [...found.values()];
}

/** Node's lookup: `node_modules/<name>` in `from` and then each parent directory. */
async function resolvePackage(name: string, from: string): Promise<ResolvedPackage> {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    const manifest = path.join(candidate, 'package.json');
    if (existsSync(manifest)) {
      const json = JSON.parse(await fs.readFile(manifest, 'utf8')) as {
        version?: string;
        dependencies?: Record<string, string>;
      };
      return {
        name,
        version: json.version ?? '0.0.0',
        dir: await fs.realpath(candidate),
        dependencies: Object.keys(json.dependencies ?? {}),
      };
    }
    if (path.dirname(dir) === dir) throw new Error(`Cannot find module ${name} from ${from}`);
  }
}
