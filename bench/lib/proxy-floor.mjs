/**
 * The proxy floor of benchmark (c): the least any gateway in Node can do for the home query. An HTTP server
 * that, for each POST, reads the body, makes the same REST calls the gateway makes (same URLs, same rounds:
 * the posts page, then the four batches in parallel) with undici, parses each answer, and replies with a
 * fixed JSON. No GraphQL, no models, no plugins: what is left of the gateway's overhead above this is the
 * GraphQL server's own work.
 *
 *     node bench/lib/proxy-floor.mjs <rest root> '<[["/wp/v2/posts?…"], ["/wp/v2/users?…", …]]>'
 *
 * Plain JavaScript so it runs as the gateway's build does (no TypeScript loader in the process).
 */
import { createServer } from 'node:http';
import { request } from 'undici';

const [restRoot, roundsJson] = process.argv.slice(2);
const rounds = JSON.parse(roundsJson);

async function get(path) {
  const response = await request(`${restRoot}${path}`);
  return JSON.parse(await response.body.text());
}

const server = createServer(async (req, res) => {
  let body = '';
  for await (const chunk of req) body += chunk;
  let records = 0;
  for (const round of rounds) {
    for (const answer of await Promise.all(round.map(get))) records += Array.isArray(answer) ? answer.length : 1;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ data: { records, bodyBytes: body.length } }));
});
server.listen(0, '127.0.0.1', () => {
  console.log(`proxy floor at http://127.0.0.1:${server.address().port}`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
