import { builtinModules } from 'node:module';
import { defineConfig, type UserConfig } from 'vite';
import { renderWorkerBundle } from './electron/packaging/render-worker-bundle';

/**
 * The main process bundle, and beside it the PDF render worker's (render-worker-bundle.ts). Forge's Vite plugin packages only `.vite/`, so every dependency
 * (kysely, zod, ...) is bundled in, except Electron, Node's builtins and `sqlite3`, whose native
 * addon is copied into the package by the packageAfterCopy hook (forge.config.ts).
 */
const nativeExternals = ['sqlite3', /^sqlite3\//];

export default defineConfig((env) => {
  // Forge's plugin adds its own `forgeConfig` to the environment; it supplies the entry, the
  // `.cjs` library format, the electron/builtin externals and the MAIN_WINDOW_* defines, and
  // merges this config over them.
  if ('forgeConfig' in env) {
    return {
      build: { rollupOptions: { external: nativeExternals } },
      plugins: [renderWorkerBundle()],
    } satisfies UserConfig;
  }
  // `vite build -c vite.main.config.ts` (npm run build:electron): the same output without
  // Forge, for the Playwright _electron tests. A production build: it loads the built page.
  return {
    build: {
      outDir: '.vite/build',
      emptyOutDir: false,
      copyPublicDir: false,
      minify: false,
      lib: { entry: 'electron/main.ts', formats: ['cjs'], fileName: () => 'main.cjs' },
      rollupOptions: {
        external: ['electron', /^electron\//, ...builtinModules, /^node:/, ...nativeExternals],
      },
    },
    define: {
      MAIN_WINDOW_VITE_DEV_SERVER_URL: 'undefined',
      MAIN_WINDOW_VITE_NAME: JSON.stringify('main_window'),
    },
    resolve: { conditions: ['node'], mainFields: ['module', 'jsnext:main', 'jsnext'] },
    plugins: [renderWorkerBundle()],
    clearScreen: false,
  } satisfies UserConfig;
});
