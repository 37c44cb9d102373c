import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  collectOutput,
  freePort,
  spawnServer,
  stopServer,
  waitForExitWithin,
  waitForHealthy
} from '../e2e/server';

const START_MS = 60_000;
const EXIT_MS = 20_000;

/**
 * Reads from a raw socket until `done` accepts what has arrived. A raw socket lets the test
 * hold a request open half-sent, which no fetch client can do.
 */
function readUntil(socket: net.Socket, done: (text: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (done(text)) {
        socket.off('data', onData);
        socket.off('close', onClose);
        resolve(text);
      }
    };
    const onClose = () => reject(new Error(`The connection closed early after: ${text}`));
    socket.on('data', onData);
    socket.once('close', onClose);
  });
}

describe('graceful shutdown', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('finishes a request in flight when stopped, then closes the database and exits 0', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vesting-day-shutdown-'));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const child = spawnServer(dataDir, port);
    cleanups.push(async () => void (await stopServer(child, 2_000)));
    const stdout = collectOutput(child.stdout);
    const stderr = collectOutput(child.stderr);
    await waitForHealthy(`http://localhost:${port}`, child, Date.now() + START_MS);

    const socket = net.connect(port, '127.0.0.1');
    cleanups.push(() => void socket.destroy());
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const body = 'email=nobody%40example.org&password=not-the-password';
    // "Expect: 100-continue" makes the server answer "100 Continue" once it has parsed the
    // headers and begun handling the request: proof that the request is in flight before the
    // stop signal is sent, without guessing with a timer.
    socket.write(
      [
        'POST /login HTTP/1.1',
        `Host: localhost:${port}`,
        `Origin: http://localhost:${port}`,
        'Accept: text/html',
        'Content-Type: application/x-www-form-urlencoded',
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Expect: 100-continue',
        '',
        ''
      ].join('\r\n')
    );
    await readUntil(socket, (text) => text.includes('100 Continue'));

    child.kill('SIGTERM');
    // The server has stopped listening, but the request it accepted still gets its answer.
    socket.write(body);
    const response = await readUntil(socket, (text) => text.includes('</html>'));
    expect(response).toMatch(/HTTP\/1\.1 (400|303)/);
    expect(response).toContain('Enter a correct email address and password');

    const exit = await waitForExitWithin(child, EXIT_MS);
    expect(exit, `the server did not exit: ${stderr()}`).toEqual({ code: 0, signal: null });
    // The data folder lock is released only by a clean database close.
    expect(fs.readdirSync(dataDir)).not.toContain('vesting-day.lock');
    expect(stdout()).toContain('"msg":"Shutting down"');
  }, 90_000);
});
