import { builtinModules } from 'node:module';
import path from 'node:path';
import { build, type Plugin } from 'vite';
import { RENDER_WORKER_FILE } from './render-worker-file';

const WORKER_ENTRY = 'src/documents/render-worker.ts';

/**
 * PDF rendering runs on a worker thread (src/documents/render-client.ts), which needs a script
 * of its own: a second, self-contained CommonJS bundle (pdfmake and the layout, nothing else)
 * written next to main.cjs once the main bundle is done. A separate build rather than a second
 * entry of the main one: two entries would split shared code into chunk files, and each bundle
 * is meant to be one file. Forge packages everything in `.vite/`, so the app carries it.
 */
export function renderWorkerBundle(): Plugin {
  let root = '';
  let outDir = '';
  return {
    name: 'mediation-desk:render-worker',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await build({
        configFile: false,
        root,
        logLevel: 'warn',
        clearScreen: false,
        build: {
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          minify: false,
          lib: {
            entry: path.resolve(root, WORKER_ENTRY),
            formats: ['cjs'],
            fileName: () => RENDER_WORKER_FILE,
          },
          rollupOptions: { external: [...builtinModules, /^node:/] },
        },
        resolve: { conditions: ['node'], mainFields: ['module', 'jsnext:main', 'jsnext'] },
      });
    },
  };
}
