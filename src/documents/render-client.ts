import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RenderJob } from './doc-model';
import type { RenderedPdf } from './pdf-engine';
import type { RenderRequest, RenderResponse } from './render-protocol';

export interface PdfRendererOptions {
  /** Folder holding the font files; the repository's resources/fonts when left out. */
  readonly fontsDir?: string;
  /**
   * The worker's script: the bundled render-worker.cjs in the app. Left out, the TypeScript
   * source runs through tsx (development, tests, the browser preview).
   */
  readonly workerScript?: string;
  /** A render taking longer than this is abandoned and the worker restarted. */
  readonly timeoutMs?: number;
}

/**
 * The repository's font folder. Development and tests run from the repository root; the app
 * passes its packaged folder (process.resourcesPath/fonts) explicitly.
 */
export function repositoryFontsDir(): string {
  return path.resolve(process.cwd(), 'resources', 'fonts');
}

// Not a literal inside `new URL(...)`, so that bundlers leave it alone (the app never uses it).
const DEV_WORKER_ENTRY = './render-worker.ts';

/**
 * Development and tests: the worker registers tsx, then loads the TypeScript entry. Inline, so
 * the repository carries no plain-JavaScript bootstrap file beside the sources.
 */
const DEV_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.tsxApi).then((tsx) => {
  tsx.register();
  return import(workerData.entry);
});
`;

function startWorker(workerScript: string | undefined): Worker {
  if (workerScript !== undefined) return new Worker(workerScript);
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
  const entry = new URL(DEV_WORKER_ENTRY, import.meta.url).href;
  return new Worker(DEV_BOOTSTRAP, { eval: true, workerData: { tsxApi, entry } });
}

interface Pending {
  readonly resolve: (pdf: RenderedPdf) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Renders PDFs on a worker thread with a request/response protocol. One worker per process,
 * started on first use (or by warmUp), restarted after a crash or a timeout; it holds the
 * fonts, so only the first document pays for loading them.
 */
export class PdfRenderer {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  readonly fontsDir: string;

  constructor(private readonly options: PdfRendererOptions = {}) {
    this.fontsDir = options.fontsDir ?? repositoryFontsDir();
  }

  render(job: RenderJob): Promise<RenderedPdf> {
    const worker = this.ensureWorker();
    const id = this.nextId;
    this.nextId += 1;
    return new Promise<RenderedPdf>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(new Error(`rendering a document took over ${this.timeoutMs()} ms`));
      }, this.timeoutMs());
      this.pending.set(id, { resolve, reject, timer });
      worker.ref();
      const request: RenderRequest = { id, job, fontsDir: this.fontsDir };
      worker.postMessage(request);
    });
  }

  /** Starts the worker and has it load the fonts now, before the first real document. */
  warmUp(): Promise<void> {
    const job: RenderJob = {
      model: { title: '预热', blocks: [{ type: 'paragraph', text: '预热 warm-up' }] },
      frame: { header: '', code: '00000000', copies: 1, createdAt: new Date(0).toISOString() },
    };
    return this.render(job).then(() => undefined);
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.rejectAll(new Error('the document renderer was closed'));
    if (worker !== null) await worker.terminate();
  }

  private timeoutMs(): number {
    return this.options.timeoutMs ?? 60_000;
  }

  private ensureWorker(): Worker {
    if (this.worker !== null) return this.worker;
    const worker = startWorker(this.options.workerScript);
    worker.on('message', (response: RenderResponse) => this.settle(response));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      if (this.worker === worker) {
        this.worker = null;
        this.rejectAll(new Error(`the render worker stopped (exit code ${code})`));
      }
    });
    // Idle, the worker does not keep the process alive; render() refs it while work is pending.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private settle(response: RenderResponse): void {
    const pending = this.pending.get(response.id);
    if (pending === undefined) return;
    this.pending.delete(response.id);
    clearTimeout(pending.timer);
    if (this.pending.size === 0) this.worker?.unref();
    if (response.ok) {
      pending.resolve({ bytes: response.bytes, pages: response.pages, missing: response.missing });
    } else {
      pending.reject(new Error(`the render worker failed: ${response.message}`));
    }
  }

  /** A crash or a hang takes the worker down with every request it held; the next one restarts. */
  private fail(error: Error): void {
    const worker = this.worker;
    this.worker = null;
    this.rejectAll(error);
    if (worker !== null) void worker.terminate();
  }

  private rejectAll(error: Error): void {
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    this.pending.clear();
  }
}
