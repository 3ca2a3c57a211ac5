import type { Shell } from 'electron';

/**
 * Sites the app may send the user to in their own browser: the State Council's holiday notices
 * (Settings → Calendar links to them) and the national law database. Nothing else leaves the
 * app: a link in a case summary or a party's name is text, never a way to launch a program.
 */
export const EXTERNAL_HOSTS: ReadonlySet<string> = new Set(['www.gov.cn', 'flk.npc.gov.cn']);

/**
 * Electron's checklist: never hand shell.openExternal an untrusted URL (file:, smb:, custom
 * schemes and odd hosts can run programs). Only https, only the hosts above, no credentials,
 * the default port.
 */
export function isSafeExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    EXTERNAL_HOSTS.has(parsed.hostname)
  );
}

/** Opens the URL in the system browser when it is safe; returns whether it did. */
export function openExternalSafely(shell: Pick<Shell, 'openExternal'>, url: string): boolean {
  if (!isSafeExternalUrl(url)) return false;
  // The parsed form, so what is opened is exactly what was checked.
  shell.openExternal(new URL(url).href).catch((error: unknown) => {
    console.error('[mediation-desk] could not open a link in the browser', error);
  });
  return true;
}
