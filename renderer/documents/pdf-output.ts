import { call } from '../api/client';

/** base64 → bytes, in the browser. */
export function base64Bytes(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Bytes → base64 for the API (files go over JSON). */
export function bytesBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Saves bytes as a file through the browser's download (the preview; Electron asks where). */
export function downloadBytes(bytes: Uint8Array<ArrayBuffer>, fileName: string, type: string) {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started once click() returns; the URL is no longer needed after it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export type OutputAction = 'print' | 'save';

/**
 * Print or save a stored document. In the desktop app the shell does it (system print dialog
 * through the PDF viewer, save dialog); the browser preview has no shell and downloads the
 * PDF, which the browser then opens or prints. Returns how it went.
 */
export async function outputDocument(
  id: number,
  action: OutputAction,
): Promise<'delivered' | 'downloaded' | 'cancelled'> {
  const shell = await call('documents/output', { id, action });
  if (shell.delivered) return 'delivered';
  if (window.mediationDesk !== undefined) return 'cancelled';
  const pdf = await call('documents/pdf', { id });
  downloadBytes(base64Bytes(pdf.dataBase64), pdf.fileName, 'application/pdf');
  return 'downloaded';
}
