import { beforeEach, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../electron/csp';
import { hardenSession } from '../../electron/session';
import { resetFakeElectron, session } from '../fakes/electron';
import type { Session } from 'electron';

function directives(policy: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(result.has(name), `directive ${name} appears twice`).toBe(false);
    result.set(name, sources);
  }
  return result;
}

const production = directives(contentSecurityPolicy({ dev: false }));
const development = directives(contentSecurityPolicy({ dev: true }));

describe('content security policy', () => {
  it('is strict in production', () => {
    expect(production.get('default-src')).toEqual(["'self'"]);
    expect(production.get('script-src')).toEqual(["'self'"]);
    expect(production.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(production.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(production.get('font-src')).toEqual(["'self'", 'data:']);
    expect(production.get('connect-src')).toEqual(["'self'"]);
    expect(production.get('object-src')).toEqual(["'none'"]);
    expect(production.get('base-uri')).toEqual(["'none'"]);
    expect(production.get('frame-ancestors')).toEqual(["'none'"]);
    expect(production.get('form-action')).toEqual(["'none'"]);
  });

  it('never allows eval, wildcards or remote hosts', () => {
    for (const policy of [production, development]) {
      for (const [name, sources] of policy) {
        expect(sources, name).not.toContain("'unsafe-eval'");
        expect(sources, name).not.toContain("'wasm-unsafe-eval'");
        expect(sources, name).not.toContain('*');
        expect(
          sources.filter((source) => /^https?:/.test(source)),
          name,
        ).toEqual([]);
      }
    }
  });

  it('relaxes only what the Vite dev server needs in development', () => {
    expect(development.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(development.get('connect-src')).toContain('ws://localhost:*');
    for (const [name, sources] of development) {
      if (name === 'script-src' || name === 'connect-src') continue;
      expect(sources, name).toEqual(production.get(name));
    }
  });
});

describe('session hardening', () => {
  beforeEach(() => resetFakeElectron());

  function harden(dev: boolean) {
    const fake = session.defaultSession;
    hardenSession(fake as unknown as Session, { dev });
    return fake;
  }

  it('sends the policy as a response header, replacing any the server sent', () => {
    const fake = harden(false);
    const listener = fake.headersListener as
      ((details: object, callback: (response: object) => void) => void) | null;
    expect(listener).not.toBeNull();
    let response: { responseHeaders?: Record<string, string[]> } | undefined;
    listener?.(
      {
        url: 'http://localhost:5173/',
        responseHeaders: {
          'content-security-policy': ["default-src *; script-src 'unsafe-eval'"],
          'Content-Type': ['text/html'],
        },
      },
      (r) => (response = r),
    );
    expect(response?.responseHeaders).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [contentSecurityPolicy({ dev: false })],
    });
  });

  it('adds the header when the response had no headers', () => {
    const fake = harden(true);
    const listener = fake.headersListener as
      ((details: object, callback: (response: object) => void) => void) | null;
    let response: { responseHeaders?: Record<string, string[]> } | undefined;
    listener?.({ url: 'http://localhost:5173/' }, (r) => (response = r));
    expect(response?.responseHeaders).toEqual({
      'Content-Security-Policy': [contentSecurityPolicy({ dev: true })],
    });
  });

  it('refuses every permission, the clipboard included (the app uses none)', () => {
    const fake = harden(false);
    const request = fake.permissionRequestHandler as
      | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void)
      | null;
    const check = fake.permissionCheckHandler as
      ((contents: unknown, permission: string) => boolean) | null;
    const answers: Record<string, boolean> = {};
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      request?.(null, permission, (granted) => (answers[permission] = granted));
      expect(check?.(null, permission), permission).toBe(false);
    }
    expect(answers).toEqual({
      media: false,
      geolocation: false,
      notifications: false,
      openExternal: false,
    });
    expect(check?.(null, 'clipboard-sanitized-write')).toBe(false);
  });
});
