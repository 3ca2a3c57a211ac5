import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, type BrowserWindow, dialog, shell } from 'electron';
import type { DocumentHost } from '../src/documents/document-host';
import type { DocumentRuntimeOptions } from '../src/documents/document-runtime';
import { RENDER_WORKER_FILE } from './packaging/render-worker-file';

/** What the host needs from Electron, injected so it is tested without the binary. */
export interface HostDeps {
  /** Resolves to the chosen path, or null when the user cancelled. */
  readonly chooseSavePath: (defaultPath: string) => Promise<string | null>;
  /** Opens a file with the system's application for it; '' on success, else the error. */
  readonly openPath: (file: string) => Promise<string>;
  /** Asked when needed: Electron knows its folders only once the app is ready. */
  readonly tempDir: () => string;
  readonly documentsDir: () => string;
}

/**
 * Printing and saving PDFs for the desktop app (src/documents/document-host.ts), reached through
 * the one API channel (documents/output), not a channel of its own.
 *
 * Printing opens the PDF in the system's PDF application, whose print command shows the system
 * print dialog with the document's true pages. Electron cannot hand a PDF to the print dialog
 * itself: webContents.print() prints the page a window shows, and Chromium's built-in PDF
 * viewer (the only thing that would show the PDF) cannot be driven from the main process.
 */
export function createDocumentHost(deps: HostDeps): DocumentHost {
  let lastSaved: string | null = null;
  return {
    async print(pdf, fileName) {
      const dir = path.join(deps.tempDir(), 'mediation-desk-print');
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, path.basename(fileName));
      await writeFile(file, pdf);
      return (await deps.openPath(file)) === '';
    },
    async save(pdf, fileName) {
      const chosen = await deps.chooseSavePath(
        path.join(deps.documentsDir(), path.basename(fileName)),
      );
      if (chosen === null) return null;
      const file = chosen.toLowerCase().endsWith('.pdf') ? chosen : `${chosen}.pdf`;
      await writeFile(file, pdf);
      lastSaved = file;
      return file;
    },
    async openLastSaved() {
      if (lastSaved === null || !existsSync(lastSaved)) return false;
      return (await deps.openPath(lastSaved)) === '';
    },
  };
}

/** The host on Electron's dialog and shell, its save dialog attached to the app's window. */
export function electronDocumentHost(mainWindow: () => BrowserWindow | null): DocumentHost {
  return createDocumentHost({
    chooseSavePath: async (defaultPath) => {
      const options = { defaultPath, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
      const window = mainWindow();
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || result.filePath === undefined ? null : result.filePath;
    },
    openPath: (file) => shell.openPath(file),
    tempDir: () => app.getPath('temp'),
    documentsDir: () => app.getPath('documents'),
  });
}

/**
 * Where the documents feature finds its parts: the fonts packaged as an extra resource (the
 * repository's resources/fonts in development) and the worker bundled beside main.cjs.
 */
export function documentRuntimeOptions(opts: {
  readonly buildDir: string;
  readonly packaged: boolean;
  readonly resourcesPath: string;
  readonly host: DocumentHost;
}): DocumentRuntimeOptions {
  const fontsDir = opts.packaged
    ? path.join(opts.resourcesPath, 'fonts')
    : path.resolve(opts.buildDir, '../../resources/fonts');
  const workerScript = path.join(opts.buildDir, RENDER_WORKER_FILE);
  return {
    fontsDir,
    workerScript,
    host: opts.host,
    // Load the fonts while the window opens, so the first document does not wait for them.
    warmUp: existsSync(fontsDir) && existsSync(workerScript),
  };
}
