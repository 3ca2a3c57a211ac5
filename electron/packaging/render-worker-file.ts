/** The render worker's bundle, beside main.cjs in `.vite/build/` (render-worker-bundle.ts). */
export const RENDER_WORKER_FILE = 'render-worker.cjs';
