import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describeMethods } from '../../src/api/describe';
import { openCore, type Core } from '../../src/app/core';
import type { DatabaseChoiceStore } from '../../src/app/database-choice';
import type { PostgresConnection } from '../../src/db/postgres/pg-connection';
import { contentSecurityPolicy } from '../../electron/csp';

/**
 * The browser preview: the built renderer and the same core, with HTTP (`POST /api/<method>`)
 * in place of IPC. Loopback only: it exists for development and end-to-end tests.
 */
export interface PreviewOptions {
  /** This computer's embedded file (also where Settings → Database switches back to). */
  readonly dbFile: string;
  /** Start on the center's PostgreSQL server instead of `dbFile` (`--pg`). */
  readonly postgres?: PostgresConnection;
  /** Where the choice of database is kept; left out, in memory (lost when the preview stops). */
  readonly choices?: DatabaseChoiceStore;
  readonly port?: number;
  readonly staticDir?: string;
  readonly now?: () => Date;
}

export interface PreviewServer {
  readonly url: string;
  readonly core: Core;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const MAX_BODY = 8 * 1024 * 1024;
const SESSION_COOKIE = 'md_session';
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export const DEFAULT_STATIC_DIR = path.resolve(
  import.meta.dirname,
  '../../.vite/renderer/main_window',
);

export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const core = await openCore({
    dbFile: options.dbFile,
    now: options.now,
    ...(options.postgres === undefined ? {} : { postgres: options.postgres }),
    ...(options.choices === undefined ? {} : { choices: options.choices }),
  });
  const staticDir = options.staticDir ?? DEFAULT_STATIC_DIR;
  const csp = contentSecurityPolicy({ dev: false });
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[preview]', error);
      if (!res.headersSent)
        send(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Preview host error' } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS-rebinding guard: only our own loopback origin may talk to us.
    const host = req.headers.host ?? '';
    if (host !== `${HOST}:${port}` && host !== `localhost:${port}`) {
      send(res, 421, { ok: false, error: { code: 'FORBIDDEN', message: 'Wrong host' } });
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname === '/api/methods' && req.method === 'GET') {
      send(res, 200, describeMethods());
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      await handleApi(req, res, decodeURIComponent(url.pathname.slice('/api/'.length)));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, { ok: false, error: { code: 'NOT_FOUND', message: 'Method not allowed' } });
      return;
    }
    await serveStatic(res, url.pathname);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string) {
    if (req.method !== 'POST') {
      send(res, 405, {
        ok: false,
        error: { code: 'NOT_FOUND', message: 'Use POST /api/<method>' },
      });
      return;
    }
    // A JSON content type forces a CORS preflight on cross-site pages, which we never answer.
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      send(res, 415, {
        ok: false,
        error: { code: 'VALIDATION', message: 'Send JSON (application/json)' },
      });
      return;
    }
    const body = await readBody(req);
    if (body === null) {
      send(res, 413, { ok: false, error: { code: 'VALIDATION', message: 'Body too large' } });
      return;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      send(res, 400, {
        ok: false,
        error: { code: 'VALIDATION', message: 'Body is not valid JSON' },
      });
      return;
    }
    const sessionKey = sessionOf(req, res);
    send(res, 200, await core.dispatch(`preview:${sessionKey}`, method, input));
  }

  async function serveStatic(res: ServerResponse, pathname: string) {
    const relative = pathname === '/' ? 'index.html' : pathname.slice(1);
    const file = path.resolve(staticDir, relative);
    if (!file.startsWith(staticDir + path.sep)) {
      send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'Not found' } });
      return;
    }
    const info = await stat(file).catch(() => null);
    const target = info?.isFile() ? file : path.join(staticDir, 'index.html');
    const exists = info?.isFile() || (await stat(target).catch(() => null))?.isFile();
    if (!exists) {
      send(res, 404, {
        ok: false,
        error: { code: 'NOT_FOUND', message: 'Renderer not built: run `npm run preview`' },
      });
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[path.extname(target)] ?? 'application/octet-stream',
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    createReadStream(target).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${HOST}:${port}/`,
    core,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.close();
    },
  };
}

/** One session per browser (cookie) or per API client that sends `x-session`. */
function sessionOf(req: IncomingMessage, res: ServerResponse): string {
  const header = req.headers['x-session'];
  if (typeof header === 'string' && /^[\w-]{8,64}$/.test(header)) return `h:${header}`;
  const cookie = /(?:^|;\s*)md_session=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1];
  if (cookie !== undefined) return `c:${cookie}`;
  const fresh = randomBytes(18).toString('base64url');
  res.setHeader('set-cookie', `${SESSION_COOKIE}=${fresh}; Path=/; HttpOnly; SameSite=Strict`);
  return `c:${fresh}`;
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}
