import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { useAppDatabase } from '#lib/server/db/index.ts';
import { createSession } from '#lib/server/auth/sessions.ts';
import type { DatabaseHandle } from '#lib/server/db/types.ts';

/**
 * The built SvelteKit server (`vite build` output), driven in-process: every request goes
 * through the real hooks, guards, loads and actions, against the test's own database.
 */
export interface TestApp {
  request(path: string, init?: RequestInit & { https?: boolean; ip?: string }): Promise<Response>;
  /** A same-origin form POST, as a browser without JavaScript sends it (multipart for FormData). */
  post(
    path: string,
    fields: Record<string, string> | FormData,
    init?: { cookie?: string; origin?: string | null; https?: boolean; ip?: string }
  ): Promise<Response>;
  get(path: string, init?: { cookie?: string; https?: boolean }): Promise<Response>;
}

interface BuiltServer {
  init(options: {
    env: Record<string, string>;
    read?: (file: string) => ReadableStream;
  }): Promise<void>;
  respond(request: Request, options: { getClientAddress(): string }): Promise<Response>;
}

const OUTPUT = resolve('.svelte-kit/output/server');

export async function startTestApp(handle: DatabaseHandle): Promise<TestApp> {
  if (!existsSync(`${OUTPUT}/index.js`)) {
    throw new Error('The app is not built: run `npm run build` before the integration tests.');
  }
  useAppDatabase(handle);
  process.env.SEED_DEMO = 'false';
  // One log line per request would bury the test report; warnings and errors still show.
  process.env.LOG_LEVEL ??= 'warn';
  const { Server } = (await import(
    /* @vite-ignore */ pathToFileURL(`${OUTPUT}/index.js`).href
  )) as {
    Server: new (manifest: unknown) => BuiltServer;
  };
  const { manifest } = (await import(
    /* @vite-ignore */ pathToFileURL(`${OUTPUT}/manifest.js`).href
  )) as {
    manifest: unknown;
  };
  const server = new Server(manifest);
  await server.init({ env: process.env as Record<string, string> });

  const request: TestApp['request'] = (path, init = {}) => {
    const { https, ip, ...rest } = init;
    const url = new URL(path, https ? 'https://vd.test' : 'http://vd.test');
    return server.respond(new Request(url, { redirect: 'manual', ...rest }), {
      getClientAddress: () => ip ?? '192.0.2.10'
    });
  };

  return {
    request,
    get(path, init = {}) {
      const headers = new Headers({ accept: 'text/html' });
      if (init.cookie) headers.set('cookie', init.cookie);
      return request(path, { headers, https: init.https });
    },
    post(path, fields, init = {}) {
      const base = init.https ? 'https://vd.test' : 'http://vd.test';
      const multipart = fields instanceof FormData;
      const headers = new Headers({ accept: 'text/html' });
      // For FormData the Request sets the multipart content type with its boundary.
      if (!multipart) headers.set('content-type', 'application/x-www-form-urlencoded');
      if (init.origin !== null) headers.set('origin', init.origin ?? base);
      if (init.cookie) headers.set('cookie', init.cookie);
      return request(path, {
        method: 'POST',
        headers,
        body: multipart ? fields : new URLSearchParams(fields).toString(),
        https: init.https,
        ip: init.ip
      });
    }
  };
}

/** A session cookie for a user, as if they had signed in. */
export async function cookieFor(handle: DatabaseHandle, userId: string): Promise<string> {
  const { token } = await createSession(handle.db, userId);
  return `vd_session=${token}`;
}
