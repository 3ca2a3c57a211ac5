/**
 * What the desktop shell does with a finished PDF: the system print dialog, a save dialog, the
 * system viewer. The core calls it through the single API channel (documents/output); the
 * Electron main process supplies it (electron/print.ts). The browser preview has none and
 * downloads the PDF instead.
 */
export interface DocumentHost {
  /** Hands the PDF to the system for printing; false when the user cancelled. */
  print(pdf: Uint8Array, fileName: string): Promise<boolean>;
  /** Asks where to save and writes the PDF there; the path, or null when cancelled. */
  save(pdf: Uint8Array, fileName: string): Promise<string | null>;
  /** Opens the PDF saved last (this run of the app) in the system viewer; false if none. */
  openLastSaved(): Promise<boolean>;
}
