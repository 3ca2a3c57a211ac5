import type { DocumentHost } from './document-host';
import { PdfRenderer, repositoryFontsDir, type PdfRendererOptions } from './render-client';

/**
 * The documents feature's process-wide parts: the render worker and the desktop host. Methods
 * are a static map (src/api/contract.ts), so openCore configures these once per process (the
 * Electron main passes the packaged font folder, the bundled worker and its host).
 */
export interface DocumentRuntimeOptions extends PdfRendererOptions {
  readonly host?: DocumentHost;
  /** Start the worker and load the fonts at once (the app), not on the first document. */
  readonly warmUp?: boolean;
}

let options: DocumentRuntimeOptions = {};
let renderer: PdfRenderer | null = null;

export function configureDocuments(next: DocumentRuntimeOptions = {}): void {
  // Several cores in one process (tests) share the worker while it renders the same way.
  const same =
    renderer !== null &&
    renderer.fontsDir === (next.fontsDir ?? repositoryFontsDir()) &&
    options.workerScript === next.workerScript;
  options = next;
  if (!same) {
    const previous = renderer;
    renderer = null;
    if (previous !== null) void previous.close();
  }
  if (next.warmUp === true) {
    documentRenderer()
      .warmUp()
      .catch((error: unknown) => console.error('[mediation-desk] render worker warm-up', error));
  }
}

export function documentRenderer(): PdfRenderer {
  renderer ??= new PdfRenderer(options);
  return renderer;
}

export function documentHost(): DocumentHost | null {
  return options.host ?? null;
}

/** Stops the worker; a later document starts a new one. */
export async function closeDocuments(): Promise<void> {
  const current = renderer;
  renderer = null;
  if (current !== null) await current.close();
}
