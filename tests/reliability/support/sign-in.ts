import { expect } from 'vitest';

const DEMO_LINE = /^Demo sign-in: (\S+) \/ (\S+)$/m;

/** The demo account's credentials, from the line the server prints at start-up. */
export function demoCredentials(output: string): { email: string; password: string } {
  const match = DEMO_LINE.exec(output);
  if (!match) throw new Error(`The server printed no demo sign-in line:\n${output}`);
  return { email: match[1]!, password: match[2]! };
}

/** Signs in through the real form and returns the session cookie. */
export async function signInOverHttp(
  baseURL: string,
  credentials: { email: string; password: string }
): Promise<string> {
  const response = await fetch(new URL('/login', baseURL), {
    method: 'POST',
    headers: {
      origin: baseURL,
      accept: 'text/html',
      'content-type': 'application/x-www-form-urlencoded'
    },
    body: new URLSearchParams(credentials).toString(),
    redirect: 'manual'
  });
  expect(response.status).toBe(303);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
  expect(cookie).toMatch(/^vd_session=/);
  return cookie!;
}
