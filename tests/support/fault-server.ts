/**
 * A fault-injecting WordPress for tests: a loopback HTTP proxy in front of a real upstream (the demo site) whose
 * behaviour per request a test sets with `setRule`. Without a rule every request passes through untouched.
 * It records every request it receives and can say how many sockets are open, so tests can count upstream calls
 * (retries, circuit breaker) and check that nothing leaks.
 */
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the fault server does with one request. */
export type Fault =
  | { kind: 'pass' }
  /** Pass, but rewrite the JSON answer (to plant foreign `_links`, say). */
  | { kind: 'rewrite'; transform: (body: unknown) => unknown }
  /** Answer this status and body (JSON by default). */
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
  /** Close the connection without answering (the client sees a reset / "other side closed"). */
  | { kind: 'reset' }
  /** Never send headers. */
  | { kind: 'hang' }
  /** Send 200 headers and half a body, then nothing. */
  | { kind: 'stall-body' }
  /** Send 200 headers, then one byte every `intervalMs`, forever. */
  | { kind: 'trickle-body'; intervalMs: number }
  /** Declare a Content-Length, send half of it, close the connection. */
  | { kind: 'truncate' }
  /** A 200 JSON array of `bytes` bytes, streamed (with a Content-Length unless `chunked`). */
  | { kind: 'huge'; bytes: number; chunked?: boolean }
  /** 200, `application/json`, but not JSON. */
  | { kind: 'invalid-json' }
  /** 200 with an HTML page (a maintenance or firewall page). */
  | { kind: 'html' }
  /** PHP notices printed before the (real) JSON, as WordPress does with display_errors on. */
  | { kind: 'php-notice' }
  /** A redirect to `location`. */
  | { kind: 'redirect'; location: string; status?: number };

/** One request the fault server received. */
export interface FaultRequest {
  method: string;
  /** The REST route (`/wp/v2/posts`, `/` for the index), or the raw path for non-REST requests. */
  route: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The request body as text (`''` without one), read whole before the rule decides. */
  body: string;
}

export type FaultRule = (request: FaultRequest) => Fault | undefined;

export interface FaultServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Decides each request's fault; `undefined` from the rule means pass. */
  setRule(rule: FaultRule | undefined): void;
  /** Every request received since the last `resetRequests()`, oldest first. */
  requests: FaultRequest[];
  /** Requests to REST routes other than the index (what a test usually counts). */
  restRequests(): FaultRequest[];
  resetRequests(): void;
  /** Sockets open right now. */
  openSockets(): number;
  /** Stops listening (new connections are refused), keeping the port for `listen()`. */
  stopListening(): Promise<void>;
  /** Listens again on the same port. */
  listen(): Promise<void>;
  /** Closes everything, hanging answers included. */
  close(): Promise<void>;
}

const PHP_NOTICE =
  '<br />\n<b>Notice</b>:  Undefined index: foo in <b>/var/www/html/wp-content/plugins/broken/broken.php</b> on line <b>42</b><br />\n';

function routeOf(url: URL): string {
  const restRoute = url.searchParams.get('rest_route');
  if (restRoute !== null) return restRoute.replace(/\/+$/, '') || '/';
  const match = /^\/wp-json(\/.*)?$/.exec(url.pathname);
  return match ? (match[1] ?? '/').replace(/\/+$/, '') || '/' : url.pathname;
}

/**
 * Starts a fault server on a loopback port in front of `upstream` (a base URL such as the demo site's).
 */
export async function startFaultServer(options: { upstream: string; port?: number }): Promise<FaultServer> {
  const upstream = new URL(options.upstream);
  let rule: FaultRule | undefined;
  const requests: FaultRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  // Keep-alive to the upstream: under load a socket per request would run out of ephemeral ports.
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });

  /** Forwards the request to the upstream; resolves with status, headers and the whole body. */
  const forward = (req: IncomingMessage) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const headers = { ...req.headers, host: upstream.host };
      delete headers.connection;
      const outgoing = httpRequest(
        { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers, agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end();
    });

  const send = (res: ServerResponse, status: number, headers: IncomingHttpHeaders, body: Buffer) => {
    const out: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(headers)) {
      if (v !== undefined && !['content-length', 'transfer-encoding', 'connection', 'keep-alive'].includes(k)) out[k] = v;
    }
    out['content-length'] = String(body.length);
    res.writeHead(status, out);
    res.end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fault.invalid');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request: FaultRequest = {
      method: req.method ?? 'GET',
      route: routeOf(url),
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    requests.push(request);
    const fault = rule?.(request) ?? { kind: 'pass' };
    const json = { 'content-type': 'application/json; charset=UTF-8' };
    switch (fault.kind) {
      case 'pass': {
        const answer = await forward(req);
        send(res, answer.status, answer.headers, answer.body);
        return;
      }
      case 'rewrite': {
        const answer = await forward(req);
        const body = Buffer.from(JSON.stringify(fault.transform(JSON.parse(answer.body.toString('utf8')))), 'utf8');
        send(res, answer.status, answer.headers, body);
        return;
      }
      case 'php-notice': {
        const answer = await forward(req);
        send(res, answer.status, answer.headers, Buffer.concat([Buffer.from(PHP_NOTICE), answer.body]));
        return;
      }
      case 'status':
        send(
          res,
          fault.status,
          { ...json, ...fault.headers },
          Buffer.from(fault.body ?? JSON.stringify({ code: 'fault', message: 'Injected fault.', data: { status: fault.status } })),
        );
        return;
      case 'reset':
        req.socket.destroy();
        return;
      case 'hang':
        return;
      case 'stall-body':
        res.writeHead(200, { ...json, 'content-length': '100' });
        res.write('[{"id":1,"title":');
        return;
      case 'trickle-body': {
        res.writeHead(200, json);
        res.write('[');
        const timer = setInterval(() => res.write(' '), fault.intervalMs);
        timers.add(timer);
        res.on('close', () => {
          clearInterval(timer);
          timers.delete(timer);
        });
        return;
      }
      case 'truncate':
        res.writeHead(200, { ...json, 'content-length': '2000' });
        res.write(`[${'{"id":1},'.repeat(100)}`.slice(0, 1000));
        // Give the partial body a chance to leave before the connection is cut.
        setImmediate(() => req.socket.destroy());
        return;
      case 'huge': {
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        res.writeHead(200, fault.chunked ? json : { ...json, 'content-length': String(fault.bytes) });
        let left = fault.bytes;
        const pump = () => {
          while (left > 0 && !res.destroyed) {
            const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
            left -= piece.length;
            if (!res.write(piece)) {
              res.once('drain', pump);
              return;
            }
          }
          if (!res.destroyed) res.end();
        };
        pump();
        return;
      }
      case 'invalid-json':
        send(res, 200, json, Buffer.from('{"id": 1, "title": {"rendered": "unterminated'));
        return;
      case 'html':
        send(
          res,
          200,
          { 'content-type': 'text/html; charset=UTF-8' },
          Buffer.from(
            '<!DOCTYPE html>\n<html><head><title>Briefly unavailable for scheduled maintenance</title></head><body><h1>Maintenance</h1></body></html>\n',
          ),
        );
        return;
      case 'redirect':
        send(res, fault.status ?? 301, { location: fault.location, ...json }, Buffer.from('{}'));
        return;
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
  });
  server.keepAliveTimeout = 5_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  let port = options.port ?? 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  await listen();

  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    setRule(next) {
      rule = next;
    },
    requests,
    restRequests: () => requests.filter((r) => r.route !== '/' && r.route.startsWith('/wp/')),
    resetRequests() {
      requests.length = 0;
    },
    openSockets: () => sockets.size,
    stopListening,
    listen,
    async close() {
      for (const timer of timers) clearInterval(timer);
      timers.clear();
      if (server.listening) await stopListening();
      for (const socket of sockets) socket.destroy();
      agent.destroy();
    },
  };
}
