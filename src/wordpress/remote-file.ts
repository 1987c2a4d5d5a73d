import { type LookupAddress, lookup } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { Agent, request } from 'undici';

/**
 * Downloads the file a `createMediaItem` names (`filePath`, a URL), for the gateway to upload to WordPress, as
 * WPGraphQL's `download_url` does inside WordPress. The gateway fetching a URL a client chose is a server-side
 * request forgery risk, so, as WordPress's `wp_http_validate_url` (and WPGraphQL's link-local check) refuse:
 *
 * - only `http:` and `https:` URLs without credentials;
 * - no loopback, private, link-local (cloud metadata: 169.254.169.254), carrier-grade NAT, multicast or reserved
 *   address, unless `allowPrivate` (setting `media-fetch-private`) — checked on the address actually connected
 *   to (the agent's DNS lookup refuses it), so a name that resolves differently between check and connection
 *   (DNS rebinding) is caught too; a redirect is followed (at most 3) and checked the same way;
 * - at most `maxBytes` (the declared length is checked first, the body is counted as it arrives and dropped
 *   past the limit) within `timeoutMs` for the whole download.
 *
 * Nothing is sent with the request but a fixed user agent: no credentials, no client headers.
 */

export interface RemoteFile {
  bytes: Buffer;
  /** The answer's `Content-Type` (without parameters), or undefined. */
  contentType: string | undefined;
  /** A file name from the URL's last path segment, made safe for `Content-Disposition`. */
  filename: string;
}

export interface RemoteFileOptions {
  allowPrivate: boolean;
  maxBytes: number;
  timeoutMs: number;
}

/**
 * createMediaItem's download limits when not configured: public addresses only, 25 MiB (a large photo; WordPress's
 * own upload limit is often lower and refuses the rest), 30 s for the whole download.
 */
export const MEDIA_FETCH_DEFAULTS: RemoteFileOptions = { allowPrivate: false, maxBytes: 25 * 1_048_576, timeoutMs: 30_000 };

/** Why a download was refused or failed; its message is safe to show the client. */
export class RemoteFileError extends Error {
  override readonly name = 'RemoteFileError';
}

const MAX_REDIRECTS = 3;

// Addresses a URL from a client must not reach (IANA special-purpose registries; what wp_http_validate_url
// refuses, and more).
const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv6');
}

/** Whether `address` (an IP literal) is one a client's URL may reach. */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)?.[1];
  if (mapped) return isPublicAddress(mapped);
  const family = isIP(bare);
  if (family === 0) return false;
  return !BLOCKED.check(bare, family === 4 ? 'ipv4' : 'ipv6');
}

/** Fetches `url` under the rules above; rejects with a {@link RemoteFileError} saying what is wrong. */
export async function fetchRemoteFile(url: string, options: RemoteFileOptions): Promise<RemoteFile> {
  const allowed = (address: string) => options.allowPrivate || isPublicAddress(address);
  const agent = new Agent({
    connect: {
      // Every connection's address is checked here, after DNS: what is checked is what is reached.
      lookup: (hostname: string, lookupOptions: { all?: boolean }, callback: (...args: unknown[]) => void) => {
        lookup(hostname, { all: true }, (error, addresses: LookupAddress[]) => {
          if (error) return callback(error);
          const refused = addresses.find((a) => !allowed(a.address));
          if (refused || addresses.length === 0) {
            return callback(new RemoteFileError(`filePath: ${hostname} resolves to an address the gateway does not fetch from`));
          }
          if (lookupOptions.all) return callback(null, addresses);
          return callback(null, addresses[0]!.address, addresses[0]!.family);
        });
      },
    } as never,
  });
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    let current = parse(url);
    for (let hop = 0; ; hop++) {
      const host = current.hostname.replace(/^\[|\]$/g, '');
      if (isIP(host) !== 0 && !allowed(host)) {
        throw new RemoteFileError(
          `filePath: ${current.host} is a loopback, private or reserved address, which the gateway does not fetch from`,
        );
      }
      const response = await request(current, {
        method: 'GET',
        dispatcher: agent,
        signal,
        headers: { 'user-agent': 'wp-graphql-gateway (createMediaItem)', accept: '*/*' },
      }).catch((error: unknown) => {
        throw unwrap(error, current);
      });
      const location = response.headers.location;
      if (response.statusCode >= 300 && response.statusCode < 400 && typeof location === 'string') {
        await response.body.dump();
        if (hop >= MAX_REDIRECTS) throw new RemoteFileError(`filePath: more than ${MAX_REDIRECTS} redirects`);
        current = parse(new URL(location, current).toString());
        continue;
      }
      if (response.statusCode < 200 || response.statusCode >= 300) {
        await response.body.dump();
        throw new RemoteFileError(`filePath: ${current.host} answered ${response.statusCode}; nothing was uploaded`);
      }
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        await response.body.dump();
        throw new RemoteFileError(`filePath: the file is ${declared} bytes, more than the ${options.maxBytes} accepted`);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      try {
        for await (const chunk of response.body) {
          size += (chunk as Buffer).length;
          if (size > options.maxBytes) {
            response.body.destroy();
            throw new RemoteFileError(`filePath: the file is more than the ${options.maxBytes} bytes accepted`);
          }
          chunks.push(chunk as Buffer);
        }
      } catch (error) {
        throw unwrap(error, current);
      }
      const type = response.headers['content-type'];
      return {
        bytes: Buffer.concat(chunks),
        contentType: typeof type === 'string' ? type.split(';')[0]!.trim() || undefined : undefined,
        filename: filenameOf(current),
      };
    }
  } finally {
    void agent.close();
  }
}

function parse(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RemoteFileError(`filePath: ${JSON.stringify(url)} is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new RemoteFileError(`filePath: invalid protocol "${parsed.protocol.replace(/:$/, '')}". Only "http", "https" allowed.`);
  }
  if (parsed.username || parsed.password) throw new RemoteFileError('filePath: a URL with credentials is not fetched');
  return parsed;
}

/** A download failure as the client hears it: ours as they are, the network's named, without internals. */
function unwrap(error: unknown, url: URL): RemoteFileError {
  let cause: unknown = error;
  for (let i = 0; i < 5 && cause instanceof Error; i++) {
    if (cause instanceof RemoteFileError) return cause;
    cause = cause.cause;
  }
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return new RemoteFileError(`filePath: ${url.host} did not send the file in time`);
  const code = (error as { code?: unknown })?.code;
  return new RemoteFileError(`filePath: ${url.host} could not be fetched${typeof code === 'string' ? ` (${code})` : ''}`);
}

/** The URL's last path segment as a file name WordPress accepts (it sanitizes again). */
function filenameOf(url: URL): string {
  const last = url.pathname.split('/').filter(Boolean).at(-1) ?? '';
  let name: string;
  try {
    name = decodeURIComponent(last);
  } catch {
    name = last;
  }
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '');
  return safe || 'file';
}
