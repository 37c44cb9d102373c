import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectOutput,
  freePort,
  serverEnv,
  startScript,
  projectRoot,
  stopServer,
  waitForHealthy
} from '../e2e/server';

/**
 * Upload sizes through the production server (`node scripts/start.js`, adapter-node), where
 * BODY_SIZE_LIMIT applies; the in-process app of the other integration tests has no limit.
 * A register over 20 MB is refused by the app; a body over the adapter's limit (30 MB by
 * default) is cut off by adapter-node: both must end in a clear 413 page, not a 500 or a hang.
 */
const LIMIT = 30 * 1024 * 1024;
const TOO_LARGE = 'The file is larger than 20 MB';

describe('upload size limits on the production server', () => {
  let child: ReturnType<typeof spawn>;
  let base: string;
  let port: number;
  let cookie: string;
  let councilId: string;
  let output: () => string;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vesting-day-upload-limit-'));

  beforeAll(async () => {
    port = await freePort();
    base = `http://localhost:${port}`;
    child = spawn(process.execPath, [startScript], {
      cwd: projectRoot,
      env: { ...serverEnv(dataDir, port), BODY_SIZE_LIMIT: '30M', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    const stdout = collectOutput(child.stdout);
    const stderr = collectOutput(child.stderr);
    output = () => `${stdout()}\n${stderr()}`;
    await waitForHealthy(base, child, Date.now() + 90_000);
    const login = /Demo sign-in: (\S+) \/ (\S+)/.exec(stdout());
    expect(login, output()).not.toBeNull();
    const signIn = await fetch(`${base}/login`, {
      method: 'POST',
      headers: { origin: base, accept: 'text/html' },
      body: new URLSearchParams({ email: login![1]!, password: login![2]! }),
      redirect: 'manual'
    });
    cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(cookie, `sign-in answered ${signIn.status}`).toMatch(/=/);
    const page = await (
      await fetch(`${base}/programmes/thornshire-demo/import`, { headers: { cookie } })
    ).text();
    councilId = /<option value="([0-9a-f-]{36})"/.exec(page)![1]!;
  }, 120_000);

  afterAll(async () => {
    if (child) await stopServer(child, 5_000);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a 21 MB register with the app’s own message', async () => {
    const form = new FormData();
    form.set('kind', 'contracts');
    form.set('councilId', councilId);
    const big = new Uint8Array(21 * 1024 * 1024).fill(0x41);
    form.set('file', new File([big], 'huge-register.csv', { type: 'text/csv' }));
    const response = await fetch(`${base}/programmes/thornshire-demo/import`, {
      method: 'POST',
      headers: { origin: base, accept: 'text/html', cookie },
      body: form,
      redirect: 'manual'
    });
    expect(response.status).toBe(413);
    const html = await response.text();
    expect(html).toContain(TOO_LARGE);
    expect(html).toContain('class="govuk-error-summary"');
  }, 60_000);

  it('answers a body over BODY_SIZE_LIMIT with a 413 page at once, without reading it all', async () => {
    const socket = net.connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const boundary = 'vd-upload-limit';
    const head = Buffer.from(
      [
        `--${boundary}`,
        'Content-Disposition: form-data; name="kind"',
        '',
        'contracts',
        `--${boundary}`,
        'Content-Disposition: form-data; name="file"; filename="over-the-limit.csv"',
        'Content-Type: text/csv',
        '',
        ''
      ].join('\r\n')
    );
    // Declares more than the limit, and sends only the first megabyte: the answer must come
    // without the rest (a server that waited for the whole body would hang here).
    socket.write(
      [
        'POST /programmes/thornshire-demo/import HTTP/1.1',
        `Host: localhost:${port}`,
        `Origin: ${base}`,
        'Accept: text/html',
        `Cookie: ${cookie}`,
        `Content-Type: multipart/form-data; boundary=${boundary}`,
        `Content-Length: ${LIMIT + 1024 * 1024}`,
        '',
        ''
      ].join('\r\n')
    );
    socket.write(head);
    socket.write(Buffer.alloc(1024 * 1024, 0x41));
    const response = await new Promise<string>((resolve, reject) => {
      let text = '';
      socket.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
        if (text.includes('</html>')) resolve(text);
      });
      socket.once('close', () =>
        reject(new Error(`closed after: ${text.slice(0, 500)}\n${output()}`))
      );
    });
    socket.destroy();
    expect(response).toMatch(/^HTTP\/1\.1 413 /);
    expect(response).toContain(TOO_LARGE);
    // The server is still well.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  }, 60_000);
});
