import type { Session } from 'electron';
import { contentSecurityPolicy } from './csp';

type Headers = Record<string, string[]>;

/**
 * Permissions the renderer may use: none. The app reads no camera, microphone, location,
 * clipboard, notifications, MIDI, HID, serial or USB device; copy and paste go through the edit
 * menu's roles, which need no permission.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set();

/**
 * Applies the CSP to every response of the session as a header (the delivery that also covers
 * `frame-ancestors`) and refuses every permission request and device access the app never needs.
 */
export function hardenSession(target: Session, opts: { readonly dev: boolean }): void {
  const policy = contentSecurityPolicy(opts);
  target.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) });
  });
  target.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(ALLOWED_PERMISSIONS.has(permission));
  });
  target.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission));
  // WebHID, Web Serial and WebUSB ask here, not through the permission handlers. Screen capture
  // needs a display-media handler to work at all; none is set, so getDisplayMedia always fails.
  target.setDevicePermissionHandler(() => false);
}

/** The response headers with any CSP the server sent replaced by ours (header names vary in case). */
export function withContentSecurityPolicy(headers: Headers | undefined, policy: string): Headers {
  const result: Headers = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [policy];
  return result;
}
