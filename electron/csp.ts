/**
 * The Content-Security-Policy of the renderer, shared by the Electron window and the browser
 * preview host. Pure: no Electron import.
 */
export function contentSecurityPolicy(opts: { readonly dev: boolean }): string {
  const directives: ReadonlyArray<readonly [string, readonly string[]]> = [
    ['default-src', ["'self'"]],
    // Vite's dev server injects the React refresh preamble as an inline module script; the
    // production build has none, so 'unsafe-inline' for scripts exists in dev only. No build
    // ever needs 'unsafe-eval'.
    ['script-src', opts.dev ? ["'self'", "'unsafe-inline'"] : ["'self'"]],
    // Mantine injects <style> elements (theme CSS variables, color scheme) at run time.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'", 'data:']],
    // The preview host answers /api/* on the page's own origin; Vite's HMR socket is dev only.
    ['connect-src', opts.dev ? ["'self'", 'ws://localhost:*', 'ws://127.0.0.1:*'] : ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}
