import { builtinModules } from 'node:module';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

/** A sandboxed preload can `require` only electron (and a few renderer polyfills). */
const ALLOWED_REQUIRES = new Set(['electron', 'electron/renderer']);

/** Fails the build when the preload bundle would require anything else at run time. */
function sandboxedPreloadOnly(): Plugin {
  return {
    name: 'mediation-desk:sandboxed-preload-only',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
      if (chunks.length !== 1) {
        this.error(`the preload must be one file, got ${chunks.map((c) => c.fileName).join(', ')}`);
      }
      for (const chunk of chunks) {
        const foreign = [...chunk.imports, ...chunk.dynamicImports].filter(
          (id) => !ALLOWED_REQUIRES.has(id),
        );
        if (foreign.length > 0) {
          this.error(`the sandboxed preload may only require electron, not: ${foreign.join(', ')}`);
        }
      }
    },
  };
}

const singleCjsFile = {
  format: 'cjs',
  codeSplitting: false,
  entryFileNames: '[name].cjs',
} as const;

export default defineConfig((env) => {
  // Under Forge, its plugin supplies the entry and the output folder and merges this over them.
  if ('forgeConfig' in env) {
    return {
      plugins: [sandboxedPreloadOnly()],
      build: { rollupOptions: { output: singleCjsFile } },
    } satisfies UserConfig;
  }
  // `vite build -c vite.preload.config.ts` (npm run build:electron), without Forge.
  return {
    plugins: [sandboxedPreloadOnly()],
    build: {
      outDir: '.vite/build',
      emptyOutDir: false,
      copyPublicDir: false,
      minify: false,
      rollupOptions: {
        input: 'electron/preload.ts',
        // Builtins are external as under Forge, so that importing one trips the check above
        // instead of being replaced by Vite's empty browser stub.
        external: [...ALLOWED_REQUIRES, ...builtinModules, /^node:/],
        output: singleCjsFile,
      },
    },
    clearScreen: false,
  } satisfies UserConfig;
});
