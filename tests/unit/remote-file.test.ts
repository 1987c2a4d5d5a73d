import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchRemoteFile, isPublicAddress, RemoteFileError } from '../../src/wordpress/remote-file.ts';

/** createMediaItem's download (src/wordpress/remote-file.ts): what it refuses, and what it fetches. */

let server: Server;
let base: string;
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/photo%20one.png') {
      res.writeHead(200, { 'content-type': 'image/png; charset=binary' });
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    } else if (req.url === '/big.bin') {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': '2048' });
      res.end(Buffer.alloc(2048));
    } else if (req.url === '/chunked.bin') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      for (let i = 0; i < 8; i++) res.write(Buffer.alloc(512));
      res.end();
    } else if (req.url?.startsWith('/loop')) {
      res.writeHead(302, { location: `/loop${Number(req.url.slice(5) || 0) + 1}` });
      res.end();
    } else if (req.url === '/moved') {
      res.writeHead(301, { location: '/photo%20one.png' });
      res.end();
    } else if (req.url === '/hang') {
      // Never answers: the download's time limit ends it.
    } else {
      res.writeHead(404);
      res.end('no');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const open = { allowPrivate: true, maxBytes: 1_024, timeoutMs: 5_000 };
const refusal = async (url: string, options = open) => {
  try {
    await fetchRemoteFile(url, options);
  } catch (error) {
    expect(error).toBeInstanceOf(RemoteFileError);
    return (error as Error).message;
  }
  throw new Error(`${url} was fetched`);
};

describe('isPublicAddress', () => {
  it('refuses loopback, private, link-local, CGNAT, reserved and their IPv6 forms; allows public ones', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1']) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    for (const address of ['::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '[::1]', 'not-an-ip']) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    for (const address of ['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8']) {
      expect(isPublicAddress(address), address).toBe(true);
    }
  });
});

describe('fetchRemoteFile', () => {
  it('without media-fetch-private, loopback is refused by literal and by name, and nothing is requested', async () => {
    hits.length = 0;
    const closed = { ...open, allowPrivate: false };
    expect(await refusal(`${base}/photo%20one.png`, closed)).toMatch(/loopback, private or reserved address/);
    const named = base.replace('127.0.0.1', 'localhost');
    expect(await refusal(`${named}/photo%20one.png`, closed)).toMatch(/localhost resolves to an address the gateway does not fetch from/);
    expect(hits).toEqual([]);
  });

  it('refuses other protocols, credentials in the URL and non-URLs before any request', async () => {
    hits.length = 0;
    expect(await refusal('ftp://example.com/a.png')).toBe('filePath: invalid protocol "ftp". Only "http", "https" allowed.');
    expect(await refusal('file:///etc/passwd')).toMatch(/invalid protocol "file"/);
    expect(await refusal(`${base.replace('http://', 'http://user:pw@')}/photo%20one.png`)).toMatch(/credentials/);
    expect(await refusal('not a url')).toMatch(/is not a URL/);
    expect(hits).toEqual([]);
  });

  it('fetches the bytes, type and a safe file name, following a redirect', async () => {
    const file = await fetchRemoteFile(`${base}/moved`, open);
    expect(file).toEqual({ bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47]), contentType: 'image/png', filename: 'photo-one.png' });
  });

  it('refuses a file over the limit (declared or counted), an error status, too many redirects, and a silent server', async () => {
    expect(await refusal(`${base}/big.bin`)).toBe('filePath: the file is 2048 bytes, more than the 1024 accepted');
    expect(await refusal(`${base}/chunked.bin`)).toBe('filePath: the file is more than the 1024 bytes accepted');
    expect(await refusal(`${base}/missing.png`)).toMatch(/answered 404; nothing was uploaded/);
    expect(await refusal(`${base}/loop`)).toBe('filePath: more than 3 redirects');
    expect(await refusal(`${base}/hang`, { ...open, timeoutMs: 300 })).toMatch(/did not send the file in time/);
  });
});
