import { useSyncExternalStore } from 'react';

/**
 * Hash routes with a query inside the hash: `#/cases?status=registered`. wouter's own hash hook
 * moves a query into the page URL's search part (`?status=…#/cases`), where it outlives the page
 * that set it and is lost from the hash history. Keeping it in the hash means Back returns to a
 * list exactly as it was filtered, in Electron (file://) and in the preview (http://) alike.
 */

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) addEventListener('hashchange', notify);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) removeEventListener('hashchange', notify);
  };
}

/** `#/cases?x=1` → `/cases?x=1` (a leading '#' and '/' are optional). */
const fullHash = () => '/' + location.hash.replace(/^#?\/?/, '');
const hashPath = () => fullHash().split('?')[0] ?? '/';
const hashSearch = () => fullHash().split('?')[1] ?? '';

export function navigateHash(
  to: string,
  { replace = false, state = null }: { replace?: boolean; state?: unknown } = {},
): void {
  const oldURL = location.href;
  const url = new URL(oldURL);
  url.hash = '/' + to.replace(/^#?\/?/, '');
  const newURL = url.href;
  if (newURL === oldURL) return;
  history[replace ? 'replaceState' : 'pushState'](state, '', newURL);
  dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL }));
}

/** wouter location hook: the path part of the hash. */
export function useHashQueryLocation(): [string, typeof navigateHash] {
  return [useSyncExternalStore(subscribe, hashPath, () => '/'), navigateHash];
}

/** wouter search hook: the query part of the hash, without '?'. */
useHashQueryLocation.searchHook = function useHashSearch(): string {
  return useSyncExternalStore(subscribe, hashSearch, () => '');
};

useHashQueryLocation.hrefs = (href: string) => '#' + href;
