/**
 * The browser host: the renderer and the dispatcher over HTTP on 127.0.0.1, for machines without an
 * Electron binary. Who may talk to it:
 * - the launch URL carries a random 256-bit token, exchanged once for an HttpOnly, SameSite=Strict cookie;
 * - every request must name this host in `Host` (a DNS-rebinding page names its own) and, when it has an
 *   `Origin`, this origin; API calls must have both and the cookie.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { newId } from '../../common/ids.ts';
import { CONTENT_SECURITY_POLICY } from '../api/csp.ts';
import type { Dispatcher } from '../api/dispatcher.ts';

export interface WebHost {
  /** The first one-time launch URL; print it, it is the only way in. */
  launchUrl: string;
  /** Another one-time launch URL, for a second browser or after the first was closed. */
  issueLaunchUrl(): string;
  origin: string;
  port: number;
  close(): Promise<void>;
}

export interface WebHostOptions {
  dispatcher: Dispatcher;
  rendererDir: string;
  port?: number;
}

const COOKIE = 'backdesk_session';
const MAX_BODY = 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export async function startWebHost({ dispatcher, rendererDir, port = 0 }: WebHostOptions): Promise<WebHost> {
  const root = resolve(rendererDir);
  if (!existsSync(join(root, 'index.html')))
    throw new Error(`the renderer is not built: ${join(root, 'index.html')} is missing (run npm run build:renderer)`);
  // Launch tokens not yet exchanged; each is 256 random bits and works once.
  const launchTokens = new Set<string>();
  // cookie value → connection id; the dispatcher keys sessions by connection.
  const connections = new Map<string, string>();
  // Filled in once the port is known; until then no Host is accepted.
  let allowedHosts = new Set<string>();
  let origin = '';

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      console.error('backdesk web host:', e);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    securityHeaders(res);
    if (!allowedHosts.has(req.headers.host ?? '')) return refuse(res, 421, 'This server answers only to its own loopback address.');
    if (req.headers.origin !== undefined && req.headers.origin !== origin)
      return refuse(res, 403, 'Requests from other sites are refused.');
    // A path whose percent-escapes do not decode (`/%E0%A4%A`) is the caller's mistake: 400, nothing logged.
    const target = parseTarget(req.url ?? '/', origin);
    if (!target) return refuse(res, 400, 'The address is not valid.');
    const { url, path } = target;

    if (url.pathname === '/launch') return exchangeToken(url, res);
    const connectionId = connectionOf(req);
    if (!connectionId) {
      return refuse(res, 401, 'Open Backdesk with the link that `backdesk serve` printed; this browser has no session.');
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return refuse(res, 405, 'API calls are POST.');
      if (req.headers.origin !== origin) return refuse(res, 403, 'API calls must come from Backdesk’s own page.');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415, 'API calls send JSON.');
      const body = await readBody(req);
      if (body === null) return refuse(res, 413, `The request is larger than ${MAX_BODY} bytes.`);
      if (body === NOT_UTF8) return refuse(res, 400, 'The request body is not UTF-8.');
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body) : {};
      } catch {
        return refuse(res, 400, 'The request body is not JSON.');
      }
      const envelope = await dispatcher.call(connectionId, path.slice(5), input);
      res.setHeader('Cache-Control', 'no-store');
      return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(envelope));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Only GET here.');
    return serveFile(path, res);
  }

  function exchangeToken(url: URL, res: ServerResponse): void {
    const offered = Buffer.from(url.searchParams.get('token') ?? '', 'utf8');
    const match = [...launchTokens].find((t) => t.length === offered.length && timingSafeEqual(Buffer.from(t), offered));
    if (!match) {
      return refuse(
        res,
        403,
        'This link is wrong or has already been used. Ask `backdesk serve` for a new one (press Enter in its window).',
      );
    }
    launchTokens.delete(match); // exchanged once: a leaked URL (history, a screenshot) is worthless afterwards
    const cookie = randomBytes(32).toString('base64url');
    connections.set(cookie, newId());
    res.setHeader('Set-Cookie', `${COOKIE}=${cookie}; HttpOnly; SameSite=Strict; Path=/`);
    res.setHeader('Location', '/');
    send(res, 303, 'text/plain; charset=utf-8', '');
  }

  function connectionOf(req: IncomingMessage): string | undefined {
    const match = (req.headers.cookie ?? '').split(/;\s*/).find((c) => c.startsWith(`${COOKIE}=`));
    return match ? connections.get(match.slice(COOKIE.length + 1)) : undefined;
  }

  function serveFile(pathname: string, res: ServerResponse): void {
    let file = resolve(root, '.' + normalize(pathname));
    if (file !== root && !file.startsWith(root + sep)) return refuse(res, 404, 'Not found.');
    // Paths without a file behind them are the single-page app's own routes.
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  const actualPort = (server.address() as { port: number }).port;
  origin = `http://127.0.0.1:${actualPort}`;
  allowedHosts = new Set([`127.0.0.1:${actualPort}`, `localhost:${actualPort}`]);
  const issueLaunchUrl = () => {
    const token = randomBytes(32).toString('base64url');
    launchTokens.add(token);
    return `${origin}/launch?token=${token}`;
  };
  return {
    launchUrl: issueLaunchUrl(),
    issueLaunchUrl,
    origin,
    port: actualPort,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function refuse(res: ServerResponse, status: number, message: string): void {
  send(res, status, 'text/plain; charset=utf-8', message + '\n');
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type });
  res.end(body);
}

/** The request's URL with its path decoded, or null when the path's percent-escapes are not UTF-8. */
function parseTarget(target: string, origin: string): { url: URL; path: string } | null {
  try {
    const url = new URL(target, origin);
    return { url, path: decodeURIComponent(url.pathname) };
  } catch {
    return null; // URIError from the escapes, TypeError from a target URL cannot parse
  }
}

const NOT_UTF8 = Symbol('not UTF-8');
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The body as text; null when too large, NOT_UTF8 when its bytes are not UTF-8 (decoded leniently they
 * would become U+FFFD, and two different inputs would reach the store as the same one).
 */
function readBody(req: IncomingMessage): Promise<string | null | typeof NOT_UTF8> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) tooBig = true;
      else chunks.push(c);
    });
    req.on('end', () => {
      if (tooBig) return ok(null);
      try {
        ok(utf8.decode(Buffer.concat(chunks)));
      } catch {
        ok(NOT_UTF8);
      }
    });
    req.on('error', fail);
  });
}
