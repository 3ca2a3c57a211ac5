import type { Session } from 'electron';
import { contentSecurityPolicy } from './csp';

type Headers = Record<string, string[]>;

/** Permissions the renderer may use; everything else (camera, geolocation, ...) is refused. */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/**
 * Applies the CSP to every response of the session as a header (the delivery that also covers
 * `frame-ancestors`) and refuses permission requests the app never needs.
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
