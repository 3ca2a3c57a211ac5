import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { MakerDeb } from '@electron-forge/maker-deb';
import { MakerRpm } from '@electron-forge/maker-rpm';
import { MakerSquirrel } from '@electron-forge/maker-squirrel';
import { MakerZIP } from '@electron-forge/maker-zip';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import type { ForgeConfig } from '@electron-forge/shared-types';
import { copyNativeModules } from './electron/packaging/copy-native-modules';

const config: ForgeConfig = {
  packagerConfig: {
    name: 'Mediation Desk',
    executableName: 'mediation-desk',
    asar: {
      // Native addons cannot be loaded from inside an archive. The pattern is the one Forge's
      // auto-unpack-natives plugin uses: a plain `**/*.node` misses paths with a dot folder
      // (e.g. a build under ~/.cache) because `**` does not descend into dot folders.
      unpack: '**/{.**,**}/**/*.node',
    },
    // The documents' Chinese font (src/documents/pdf-engine.ts): only the two TTFs in use, not
    // the font package; the app reads them from process.resourcesPath/fonts.
    extraResource: ['resources/fonts'],
  },
  // sqlite3 is an N-API addon: the binary built for Node loads unchanged in Electron, whereas a
  // rebuild would fetch Electron's headers from the internet (and `electron-forge start` would
  // rebuild the copy the Node test suite uses).
  rebuildConfig: { ignoreModules: ['sqlite3'] },
  makers: [
    new MakerSquirrel({}, ['win32']),
    new MakerDeb({ options: { categories: ['Office'] } }, ['linux']),
    new MakerRpm({ options: { categories: ['Office'] } }, ['linux']),
    new MakerZIP({}, ['darwin', 'linux', 'win32']),
  ],
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'electron/main.ts', config: 'vite.main.config.ts', target: 'main' },
        { entry: 'electron/preload.ts', config: 'vite.preload.config.ts', target: 'preload' },
      ],
      renderer: [{ name: 'main_window', config: 'vite.renderer.config.ts' }],
    }),
    // Electron's security guide; every fuse is set explicitly so that a changed default in a
    // later Electron cannot silently change the packaged app.
    new FusesPlugin({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
      // The guide says to disable this fuse when the app does not serve pages from file://.
      // This app does (the built index.html, with module scripts that a plain browser refuses
      // to load from file://), so it stays on until the page moves to a custom protocol.
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: true,
      // Default, and recommended: WebAssembly bounds checks by trap handlers.
      [FuseV1Options.WasmTrapHandlers]: true,
    }),
  ],
  hooks: {
    // The Vite plugin packages only `.vite/`; the main bundle leaves `sqlite3` external.
    packageAfterCopy: async (_config, buildPath) => {
      await copyNativeModules(buildPath);
    },
  },
};

export default config;
