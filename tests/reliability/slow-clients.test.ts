import http from 'node:http';
import net from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { councils, programmes } from '#lib/server/db/schema/index.ts';
import { seedDemoIfEmpty } from '#lib/server/demo-seed.ts';
import { NODE_CHECK_INTERVAL_MS, serverTimeouts } from '../../scripts/server-timeouts.js';
import { throwawayDatabase, type ThrowawayDatabase } from './support/database';
import { errorMessages } from './support/forms';
import { peopleFor } from './support/people';
import { pick, SHORT } from './support/scale';
import { startServer, type RunningServer } from './support/server';
import { recordFigures } from './support/summary';

const SLUG = 'thornshire-demo';
/** Slowloris: connections that send their headers one byte at a time and never finish. */
const SLOW_HEADERS = 200;
/** Uploads whose body comes one byte at a time. */
const SLOW_BODIES = 20;
/** Between two bytes of a slow client: well under any idle timeout, so only the limits apply. */
const BYTE_EVERY_MS = 3_000;
/** Node runs its checks late on a busy 2-core machine; a client cut off later than this failed. */
const LATE_BY_MS = 15_000;
const UPLOAD_BYTES = 20_000_000;
/**
 * The full run keeps every production default and uploads at 1 Mbit/s (about 160 s; the slow
 * bodies are cut off after REQUEST_TIMEOUT, 300 s, and Node's next check). The short run (CI)
 * lowers REQUEST_TIMEOUT to 50 s and uploads the same file in about 30 s, so the run takes a
 * minute and a half; the headers limit is the production one in both.
 */
const SERVER_ENV: Record<string, string> = SHORT ? { REQUEST_TIMEOUT: '50' } : {};
const UPLOAD_BYTES_PER_SECOND = pick(125_000, UPLOAD_BYTES / 30);

/** Closes every slow client still open: the test gives up on the server, or has finished. */
const closers: (() => void)[] = [];

interface SlowClient {
  /** Before connecting: the server's clock for it cannot start earlier. */
  opened: number;
  closed: number | null;
  /** What the server sent before closing: a 408 status line, if anything. */
  received: string;
}

/**
 * Opens a connection, sends `start`, then one byte of `trickle` every BYTE_EVERY_MS until the
 * server closes it. Resolves once it is closed.
 */
function slowClient(port: number, start: string, trickle: string, clients: SlowClient[]) {
  return new Promise<void>((resolve) => {
    const client: SlowClient = { opened: performance.now(), closed: null, received: '' };
    clients.push(client);
    const socket = net.connect(port, '127.0.0.1');
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    socket.on('connect', () => {
      socket.write(start);
      // Spread the clients over the interval, as independent attackers would be.
      const first = Math.random() * BYTE_EVERY_MS;
      timer = setTimeout(function next() {
        if (!socket.writable) return;
        socket.write(trickle[sent++ % trickle.length]!);
        timer = setTimeout(next, BYTE_EVERY_MS);
      }, first);
    });
    socket.on('data', (chunk) => (client.received += chunk.toString('latin1')));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      client.closed = performance.now();
      resolve();
    });
    closers.push(() => socket.destroy());
  });
}

/** GET /healthz on a connection of its own; the status, or why there was none within 30 s. */
function healthOnNewConnection(port: number): Promise<number | string> {
  return new Promise((resolve) => {
    const request = http.get(
      { host: '127.0.0.1', port, path: '/healthz', agent: false, timeout: 30_000 },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      }
    );
    request.on('timeout', () => request.destroy(new Error('no answer in 30 s')));
    request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/** A contract register of whole rows, just under `bytes`, with a long description on each. */
function registerOfSize(bytes: number): Buffer {
  const description = 'Maintenance and support of the service, renewed each year. '.repeat(13);
  const lines = [
    'Contract number,Title of agreement,Supplier name,Department,Contract value,Start date,End date,Description\r\n'
  ];
  let size = Buffer.byteLength(lines[0]!);
  for (let i = 1; ; i++) {
    const line = `SLOW-${String(i).padStart(6, '0')},Service contract ${i},Supplier ${i % 700} Ltd,Environment,"£${(1000 + i * 37).toLocaleString('en-GB')}.00",01/04/2021,31/03/2027,"${description}"\r\n`;
    if (size + Buffer.byteLength(line) > bytes) break;
    lines.push(line);
    size += Buffer.byteLength(line);
  }
  return Buffer.from(lines.join(''), 'utf8');
}

/** A multipart form as a browser sends it. */
function multipart(boundary: string, fields: Record<string, string>, file: Buffer): Buffer {
  const parts = Object.entries(fields).map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
  );
  return Buffer.concat([
    Buffer.from(parts.join('')),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="register.csv"\r\nContent-Type: text/csv\r\n\r\n`
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`)
  ]);
}

describe('slow clients (slowloris) are cut off; everyone else is served', () => {
  let database: ThrowawayDatabase;
  let server: RunningServer;
  let cookie: string;
  let councilId: string;
  const limits = serverTimeouts({ ...process.env, ...SERVER_ENV });

  beforeAll(async () => {
    database = await throwawayDatabase();
    const db = database.handle.db;
    await seedDemoIfEmpty(db);
    const [editor] = await peopleFor(db, SLUG, 1, 'editor', 'uploader');
    cookie = editor!.cookie;
    const [programme] = await db.select().from(programmes).where(eq(programmes.slug, SLUG));
    const [council] = await db
      .select({ id: councils.id })
      .from(councils)
      .where(and(eq(councils.programmeId, programme!.id), eq(councils.role, 'predecessor')))
      .limit(1);
    councilId = council!.id;
    server = await startServer({ databaseUrl: database.url, env: SERVER_ENV });
  });
  afterAll(async () => {
    for (const close of closers.splice(0)) close();
    await server?.stop();
    await database?.drop();
  });

  it('closes slow headers and slow bodies within the limits while /healthz and an upload go through', async () => {
    const headersBound = limits.headersTimeout + NODE_CHECK_INTERVAL_MS + LATE_BY_MS;
    const bodyBound = limits.requestTimeout + NODE_CHECK_INTERVAL_MS + LATE_BY_MS;
    const host = `Host: localhost:${server.port}\r\n`;
    const importPath = `/programmes/${SLUG}/import`;

    // A normal client asks for /healthz four times a second for as long as the attack lasts,
    // each time on a new connection, as a load balancer's health check does: what slowloris
    // takes away is the server's room for new connections. (A kept-alive connection can also be
    // closed under a request when the server's event loop is held up longer than its
    // keep-alive timeout, by the upload's parsing on a loaded machine; browsers resend then.)
    const health: { status: number | string; ms: number }[] = [];
    let attacking = true;
    const prober = (async () => {
      while (attacking) {
        const started = performance.now();
        const status = await healthOnNewConnection(server.port);
        health.push({ status, ms: performance.now() - started });
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();

    const headerClients: SlowClient[] = [];
    const bodyClients: SlowClient[] = [];
    const boundary = 'slowloris0boundary';
    const slow = [
      ...Array.from({ length: SLOW_HEADERS }, () =>
        slowClient(
          server.port,
          `GET /healthz HTTP/1.1\r\n${host}X-Slow: `,
          'slowloris',
          headerClients
        )
      ),
      ...Array.from({ length: SLOW_BODIES }, () =>
        slowClient(
          server.port,
          `POST ${importPath} HTTP/1.1\r\n${host}Cookie: ${cookie}\r\nOrigin: ${server.baseURL}\r\n` +
            `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: 1000000\r\n\r\n` +
            `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n`,
          'contracts',
          bodyClients
        )
      )
    ];

    // Meanwhile a real 20 MB register is uploaded at a steady, slow rate.
    const body = multipart(
      boundary,
      { kind: 'contracts', councilId },
      registerOfSize(UPLOAD_BYTES)
    );
    const upload = new Promise<{ status: number | string; location: string; seconds: number }>(
      (resolve) => {
        const started = performance.now();
        const request = http.request(new URL(importPath, server.baseURL), {
          method: 'POST',
          headers: {
            cookie,
            origin: server.baseURL,
            accept: 'text/html',
            'content-type': `multipart/form-data; boundary=${boundary}`,
            'content-length': body.length
          }
        });
        const done = (status: number | string, location = '') =>
          resolve({ status, location, seconds: (performance.now() - started) / 1000 });
        request.on('response', (response) => {
          let page = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (page += chunk));
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            const refusal = status === 303 ? [] : errorMessages(page);
            done(
              refusal.length ? `${status}: ${refusal.join('; ')}` : status,
              response.headers.location ?? ''
            );
          });
        });
        request.on('error', (error) => done(`cut off: ${error.message}`));
        // Whatever the rate allows so far, every tenth of a second.
        let sent = 0;
        const tick = () => {
          const due = Math.min(
            body.length,
            Math.floor(((performance.now() - started) / 1000) * UPLOAD_BYTES_PER_SECOND)
          );
          if (due > sent) request.write(body.subarray(sent, due));
          sent = due;
          if (sent < body.length) setTimeout(tick, 100);
          else request.end();
        };
        tick();
      }
    );

    // Every slow client is closed by the server, or by us once it is past its bound.
    const giveUp = setTimeout(
      () => closers.forEach((close) => close()),
      Math.max(headersBound, bodyBound) + 5_000
    );
    await Promise.all(slow);
    clearTimeout(giveUp);
    const uploaded = await upload;
    attacking = false;
    await prober;

    const openFor = (c: SlowClient) => (c.closed! - c.opened) / 1000;
    const within = (clients: SlowClient[], bound: number) =>
      clients.filter((c) => c.closed! - c.opened <= bound).length;
    const summary = (clients: SlowClient[]) => {
      const times = clients.map(openFor).sort((a, b) => a - b);
      return `${times[0]!.toFixed(1)} / ${times[Math.floor(times.length / 2)]!.toFixed(1)} / ${times.at(-1)!.toFixed(1)}`;
    };
    const answered408 = (clients: SlowClient[]) =>
      clients.filter((c) => c.received.startsWith('HTTP/1.1 408')).length;
    const latencies = health.map((h) => h.ms).sort((a, b) => a - b);
    const healthFailures = health.filter((h) => h.status !== 200);
    const inTime = (clients: SlowClient[], bound: number) =>
      `${within(clients, bound)} of ${clients.length} (bound ${bound / 1000} s)`;
    recordFigures('Slow clients (slowloris)', {
      'limits: headers / whole request (s)': `${limits.headersTimeout / 1000} / ${limits.requestTimeout / 1000}`,
      'slow headers: closed by the server in time': inTime(headerClients, headersBound),
      'slow headers: answered 408': answered408(headerClients),
      'slow headers: s open (min / median / max)': summary(headerClients),
      'slow bodies: closed by the server in time': inTime(bodyClients, bodyBound),
      'slow bodies: s open (min / median / max)': summary(bodyClients),
      'upload: MB at Mbit/s, seconds, answer': `${(body.length / 1e6).toFixed(1)} at ${((UPLOAD_BYTES_PER_SECOND * 8) / 1e6).toFixed(1)}, ${uploaded.seconds.toFixed(0)} s, ${uploaded.status}`,
      '/healthz meanwhile: requests, failures': `${health.length}, ${healthFailures.length}`,
      '/healthz meanwhile: ms (median / max)': `${latencies[Math.floor(latencies.length / 2)]!.toFixed(0)} / ${latencies.at(-1)!.toFixed(0)}`
    });

    // (a) Every slow client was cut off by the limit: not before it, and not long after it.
    expect(within(headerClients, headersBound)).toBe(SLOW_HEADERS);
    expect(within(bodyClients, bodyBound)).toBe(SLOW_BODIES);
    expect(Math.min(...headerClients.map(openFor))).toBeGreaterThanOrEqual(
      limits.headersTimeout / 1000 - 0.1
    );
    expect(Math.min(...bodyClients.map(openFor))).toBeGreaterThanOrEqual(
      limits.requestTimeout / 1000 - 0.1
    );
    expect(answered408(headerClients)).toBe(SLOW_HEADERS);
    // (b) A normal client was answered throughout, and the slow, legitimate upload got through.
    expect(health.length).toBeGreaterThan(20);
    expect(healthFailures).toEqual([]);
    expect(uploaded.status).toBe(303);
    expect(uploaded.location).toMatch(new RegExp(`^${importPath}/[0-9a-f-]{36}$`));
  });
});
