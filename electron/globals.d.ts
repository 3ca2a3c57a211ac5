// Defined by @electron-forge/plugin-vite for the main process bundle (and by vite.main.config.ts
// for the standalone build). The dev server URL is undefined in a production build.
declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;
declare const MAIN_WINDOW_VITE_NAME: string;
