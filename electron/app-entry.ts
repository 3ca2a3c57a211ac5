import { pathToFileURL } from 'node:url';

/**
 * Where the window's page comes from: the Vite dev server during `electron-forge start`, or the
 * built `index.html` on disk. Navigation checks and the IPC sender check both compare against it.
 */
export type AppEntry =
  { readonly kind: 'dev'; readonly url: string } | { readonly kind: 'file'; readonly file: string };

/** True when `url` is a page of this app: same origin as the dev server, or the built index.html. */
export function isAppUrl(url: string, entry: AppEntry): boolean {
  const target = parseUrl(url);
  if (!target) return false;
  if (entry.kind === 'dev') {
    const server = parseUrl(entry.url);
    // An opaque origin serializes as 'null'; two of them are not the same page.
    return server !== null && target.origin !== 'null' && target.origin === server.origin;
  }
  // file:// has no meaningful origin, so the check is the exact file; query and hash are the
  // renderer's own routing state and may change.
  return target.protocol === 'file:' && target.pathname === pathToFileURL(entry.file).pathname;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
