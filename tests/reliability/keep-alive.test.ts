import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoIfEmpty } from '#lib/server/demo-seed.ts';
import { throwawayDatabase, type ThrowawayDatabase } from './support/database';
import { peopleFor } from './support/people';
import { startServer, type RunningServer } from './support/server';

const SLUG = 'thornshire-demo';
const STATUS_LINE = /HTTP\/1\.1 (\d{3}) /g;

/**
 * Sends `first` on a fresh keep-alive connection, waits for its answer, then sends `second`
 * on the same connection. Resolves with the status codes that came back, in order, once two
 * answers arrived or the connection ended (a reset included).
 */
function twoOnOneConnection(port: number, first: string, second: string): Promise<number[]> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    let sentSecond = false;
    const statuses = () => [...received.matchAll(STATUS_LINE)].map((m) => Number(m[1]));
    const finish = () => {
      socket.destroy();
      resolve(statuses());
    };
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      const seen = statuses().length;
      if (seen >= 1 && !sentSecond) {
        sentSecond = true;
        socket.write(second);
      }
      if (seen >= 2) finish();
    });
    socket.on('error', finish);
    socket.on('close', finish);
    socket.write(first);
  });
}

/**
 * An answer given before the request body was read (an action without fields, a cross-site
 * refusal) must leave the connection able to carry the next request: the hostile-input crawl
 * met a connection reset on the request after such an answer: SvelteKit 2's adapter-node left
 * such a body unread on the socket (https://github.com/sveltejs/kit/issues/15526), fixed in
 * SvelteKit 3; the project drained it itself until then.
 */
describe('keep-alive after an answer that did not read the body', () => {
  let database: ThrowawayDatabase;
  let server: RunningServer;
  let cookie: string;

  beforeAll(async () => {
    database = await throwawayDatabase();
    await seedDemoIfEmpty(database.handle.db);
    const [owner] = await peopleFor(database.handle.db, SLUG, 1, 'owner', 'keepalive');
    cookie = owner!.cookie;
    server = await startServer({ databaseUrl: database.url });
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  // Well past the request's stream buffer, so the unread rest stays on the socket.
  const body = `padding=${'x'.repeat(600_000)}`;
  const post = (path: string, origin: string) =>
    [
      `POST ${path} HTTP/1.1`,
      `Host: localhost:${server.port}`,
      `Cookie: ${cookie}`,
      `Origin: ${origin}`,
      'Accept: text/html',
      'Content-Type: application/x-www-form-urlencoded',
      `Content-Length: ${body.length}`,
      '',
      body
    ].join('\r\n');
  const health = () => `GET /healthz HTTP/1.1\r\nHost: localhost:${server.port}\r\n\r\n`;

  it('serves the next request after an action that takes no fields', async () => {
    const statuses = await twoOnOneConnection(
      server.port,
      post(`/programmes/${SLUG}/checks?/snapshot`, server.baseURL),
      health()
    );
    expect(statuses).toEqual([303, 200]);
  });

  it('serves the next request after a cross-site refusal', async () => {
    const statuses = await twoOnOneConnection(
      server.port,
      post(`/programmes/${SLUG}/checks?/snapshot`, 'https://evil.example'),
      health()
    );
    expect(statuses).toEqual([403, 200]);
  });
});
