/**
 * A trap: a loopback HTTP server that records every request it receives and answers each with a plausible
 * WordPress record. Security tests plant links to it in upstream answers and assert it recorded nothing.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface TrapRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

export interface TrapServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  origin: string;
  /** Every request received, oldest first. */
  requests: TrapRequest[];
  /** Sockets ever opened to it: a connection without a request still counts as a fetch attempt. */
  connections(): number;
  close(): Promise<void>;
}

/** Starts a trap server on a free loopback port. */
export async function startTrapServer(): Promise<TrapServer> {
  const requests: TrapRequest[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers });
    req.resume();
    const body = JSON.stringify({ id: 1, name: 'Trapped', slug: 'trapped', title: { rendered: 'Trapped' } });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
    res.end(body);
  });
  server.on('connection', (socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    origin: url,
    requests,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      }),
  };
}
