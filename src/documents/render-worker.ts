import { parentPort } from 'node:worker_threads';
import { renderPdf } from './pdf-engine';
import type { RenderRequest, RenderResponse } from './render-protocol';

/**
 * The render worker (a worker_threads thread): lays out and writes PDFs so the Electron main
 * process, which also answers the window, never stalls on a long document. Started from the
 * bundled `render-worker.cjs` in the app and through tsx in development and tests
 * (render-client.ts). Its module graph is kept apart from the core's: only pdfmake and the layout.
 */
const port = parentPort;
if (port === null) throw new Error('render-worker.ts runs as a worker thread');

port.on('message', (request: RenderRequest) => {
  renderPdf(request.job, request.fontsDir).then(
    (pdf) => {
      const response: RenderResponse = { id: request.id, ok: true, ...pdf };
      port.postMessage(response, [pdf.bytes.buffer as ArrayBuffer]);
    },
    (error: unknown) => {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      const response: RenderResponse = { id: request.id, ok: false, message };
      port.postMessage(response);
    },
  );
});
