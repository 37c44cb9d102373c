import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDriver } from './harness';
import { startTestApp, type TestApp } from './app';
import { ROUTES, type Outcome } from './access-rules';
import { ACTORS, createAccessFixtures } from './factories/access';

/** The table of who may do what is in access-rules.ts; this file walks it. */
describe('the access table covers the app', () => {
  const discovered = discoverRoutes('src/routes');
  const serverModules = import.meta.glob('/src/routes/**/+page.server.ts');

  it('lists every route, and only routes that exist', () => {
    expect(Object.keys(ROUTES).sort()).toEqual([...discovered].sort());
  });

  it('lists every form action of every route', async () => {
    for (const [file, load] of Object.entries(serverModules)) {
      const routeId = routeIdOf(
        file.replace(/^\/src\/routes/, '').replace(/\/\+page\.server\.ts$/, '')
      );
      const module = (await load()) as { actions?: Record<string, unknown> };
      const actual = Object.keys(module.actions ?? {}).sort();
      expect(Object.keys(ROUTES[routeId]?.actions ?? {}).sort(), `actions of ${routeId}`).toEqual(
        actual
      );
    }
  });
});

describeEachDriver('access control matrix', (ctx) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(ctx.handle);
  });

  for (const [routeId, route] of Object.entries(ROUTES)) {
    for (const actor of ACTORS) {
      if (route.get) {
        const expected = route.get[actor];
        it(`GET ${routeId} as ${actor} → ${expected}`, async () => {
          const f = await createAccessFixtures(ctx.db);
          const response = await app.get(route.path(f), { cookie: await f.cookieFor(actor) });
          expectOutcome(response, expected, 'GET');
        });
      }
      for (const [name, action] of Object.entries(route.actions ?? {})) {
        const expected = action.rule[actor];
        it(`POST ${routeId} ?/${name} as ${actor} → ${expected}`, async () => {
          const f = await createAccessFixtures(ctx.db);
          const fields = (await action.payload?.(f, actor, ctx.db)) ?? {};
          const query = name === 'default' ? '' : `?/${name}`;
          const response = await app.post(`${route.path(f)}${query}`, fields, {
            cookie: await f.cookieFor(actor)
          });
          expectOutcome(response, expected, 'POST');
        });
      }
    }
  }
});

function expectOutcome(response: Response, expected: Outcome, method: 'GET' | 'POST') {
  const status = response.status;
  const location = response.headers.get('location') ?? '';
  switch (expected) {
    case 'ok':
      expect(method === 'GET' ? [200] : [200, 303]).toContain(status);
      break;
    case 'redirect':
      expect(status).toBe(303);
      break;
    case 'login':
      if (method === 'GET') {
        expect(status).toBe(303);
        expect(location).toMatch(/^\/login/);
      } else {
        expect(status).toBe(401);
      }
      break;
    case 'notFound':
      expect(status).toBe(404);
      break;
    case 'forbidden':
      expect(status).toBe(403);
      break;
  }
}

/** Route ids as SvelteKit names them, from the files under src/routes. */
function discoverRoutes(root: string): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/^\+(page\.svelte|page\.server\.ts|server\.ts)$/.test(entry)) {
        found.add(routeIdOf(`/${relative(root, dir).split(sep).join('/')}`));
      }
    }
  };
  walk(root);
  return found;
}

function routeIdOf(path: string): string {
  return path === '/' || path === '' ? '/' : path.replace(/\/$/, '');
}
