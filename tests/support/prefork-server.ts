/**
 * A fake origin that serves connections the way Apache prefork (or any one-process-per-connection server)
 * does: `workers` slots; a connection is taken by a free worker and keeps it until the client closes it or it
 * stays idle for `keepAliveMs` (Apache's KeepAliveTimeout); connections that find no free worker wait in the
 * backlog, unread. Requests are proxied to `upstream` (the demo site), so the gateway gets real answers.
 *
 * It records what WordPress would see: requests in flight at once (and the most ever), and how long each
 * connection waited in the backlog.
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createNetServer, type Socket } from 'node:net';
import { request } from 'undici';

export interface PreforkServer {
  url: string;
  /** Requests being served now. */
  readonly inFlight: number;
  /** The most requests ever served at once. */
  readonly peakInFlight: number;
  /** Requests served so far. */
  readonly requests: number;
  /** The longest any connection waited for a worker, in ms. */
  readonly longestBacklogWaitMs: number;
  close(): Promise<void>;
}

export interface PreforkOptions {
  upstream: string;
  workers: number;
  keepAliveMs: number;
  /**
   * Time each request holds its worker before it is proxied: PHP's bootstrap (WordPress takes 10–15 ms per
   * REST request on this kind of host), so that load builds up as it does in front of a real site.
   * @default 0
   */
  serviceMs?: number;
}

export async function startPreforkServer(options: PreforkOptions): Promise<PreforkServer> {
  let inFlight = 0;
  let peak = 0;
  let requests = 0;
  let longestWait = 0;
  let busyWorkers = 0;
  const backlog: { socket: Socket; since: number }[] = [];
  const sockets = new Set<Socket>();

  const http = createHttpServer({ keepAlive: true }, (req: IncomingMessage, res: ServerResponse) => {
    inFlight++;
    requests++;
    if (inFlight > peak) peak = inFlight;
    void new Promise((resolve) => setTimeout(resolve, options.serviceMs ?? 0))
      .then(() => request(`${options.upstream}${req.url}`, { method: 'GET', headers: { accept: 'application/json' } }))
      .then(async (answer) => {
        const body = Buffer.from(await answer.body.arrayBuffer());
        const headers: Record<string, string> = { 'content-type': 'application/json; charset=UTF-8' };
        for (const name of ['x-wp-total', 'x-wp-totalpages']) {
          const value = answer.headers[name];
          if (typeof value === 'string') headers[name] = value;
        }
        res.writeHead(answer.statusCode, headers);
        res.end(body);
      })
      .catch(() => {
        res.writeHead(502).end();
      })
      .finally(() => {
        inFlight--;
      });
  });
  // Apache's KeepAliveTimeout: an idle kept-alive connection holds its worker this long.
  http.keepAliveTimeout = options.keepAliveMs;
  http.headersTimeout = options.keepAliveMs + 1000;

  const serve = (socket: Socket, since: number) => {
    busyWorkers++;
    longestWait = Math.max(longestWait, performance.now() - since);
    socket.once('close', () => {
      busyWorkers--;
      const next = backlog.shift();
      if (next) serve(next.socket, next.since);
    });
    http.emit('connection', socket);
    socket.resume();
  };

  // Paused on connect: a connection is not read until a worker takes it, as in a listen backlog.
  const front = createNetServer({ pauseOnConnect: true }, (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    const since = performance.now();
    if (busyWorkers < options.workers) serve(socket, since);
    else {
      backlog.push({ socket, since });
      socket.once('close', () => {
        const index = backlog.findIndex((b) => b.socket === socket);
        if (index >= 0) backlog.splice(index, 1);
      });
    }
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const port = (front.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    get inFlight() {
      return inFlight;
    },
    get peakInFlight() {
      return peak;
    },
    get requests() {
      return requests;
    },
    get longestBacklogWaitMs() {
      return longestWait;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => front.close(() => resolve()));
      http.close();
    },
  };
}
