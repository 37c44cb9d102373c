import { runInNewContext } from 'node:vm';
import { unflatten } from 'devalue';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { generateSessionToken, sessionIdFromToken } from '#lib/server/auth/tokens.ts';
import {
  councils,
  programmes,
  roadmapDependencies,
  roadmapItemContracts,
  roadmapItems,
  roadmapMilestones,
  shareLinks
} from '#lib/server/db/schema/index.ts';
import { describeEachDriver } from './harness';
import { startTestApp, type TestApp } from './app';
import { createAccessFixtures, type AccessFixtures } from './factories/access';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** The items' owners' addresses and the members' (all @council.example). */
const ADDRESSES = ['jane.smith@matrix.gov.uk', 'it.director@matrix.gov.uk', '@council.example'];

/** Objects whose keys are ids (item ordinals), not field names. */
const MAPS = new Set(['present.view.notes']);

/**
 * Every key the share page's data may hold: what the present view draws. A key that is not
 * here fails the test, and so does one missing (the fixture below exercises them all).
 */
const ALLOWED = [
  'user',
  'programmeName',
  'today',
  'fullWidth',
  'present',
  'present.scenario',
  'present.scenario.name',
  'present.scenario.isCurrent',
  'present.view',
  'present.view.items',
  ...[
    'id',
    'title',
    'kind',
    'status',
    'serviceAreaId',
    'startDate',
    'alphaStart',
    'betaStart',
    'liveStart',
    'endDate',
    'owner',
    'href',
    'contractEnds',
    'contractEnds[].reference',
    'contractEnds[].date'
  ].map((k) => `present.view.items[].${k}`),
  'present.view.lanes',
  'present.view.lanes[].key',
  'present.view.lanes[].label',
  'present.view.dependencies',
  'present.view.dependencies[].predecessorId',
  'present.view.dependencies[].successorId',
  'present.view.milestones',
  'present.view.milestones[].id',
  'present.view.milestones[].name',
  'present.view.milestones[].date',
  'present.view.window',
  'present.view.window.from',
  'present.view.window.to',
  'present.view.settings',
  'present.view.settings.vestingDate',
  'present.view.settings.capacity',
  'present.view.horizonEnd',
  'present.view.notes',
  'present.view.notes.*',
  'present.view.notes.*.status',
  'present.view.notes.*.count',
  'present.view.notes.*.summaries',
  'present.table',
  'present.table.page',
  'present.table.pages',
  'present.table.total',
  'present.table.first',
  'present.table.rows',
  ...[
    'id',
    'title',
    'kind',
    'owner',
    'status',
    'serviceAreaName',
    'startDate',
    'liveStart',
    'endDate',
    'note',
    'note.status',
    'note.count',
    'note.summaries'
  ].map((k) => `present.table.rows[].${k}`),
  'present.pxPerMonth',
  'present.readiness',
  'present.readiness.verdict',
  'present.readiness.counts',
  'present.readiness.counts.pass',
  'present.readiness.counts.warn',
  'present.readiness.counts.fail',
  'present.readiness.counts.unknown',
  'present.readiness.successors',
  'present.readiness.successors[].name',
  'present.readiness.successors[].verdict',
  'present.approved',
  'present.summary',
  'present.summary.problems',
  'present.summary.warnings',
  'present.summary.byRule',
  'present.summary.byRule[].rule',
  'present.summary.byRule[].label',
  'present.summary.byRule[].problems',
  'present.summary.byRule[].warnings',
  'present.keyDates',
  'present.keyDates[].name',
  'present.keyDates[].date'
].sort();

/** The keys of a value as paths (`a.b[].c`); keys of `MAPS` objects become `*`. */
function keyPaths(value: unknown, path = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) keyPaths(v, `${path}[]`, out);
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const p = `${path ? `${path}.` : ''}${MAPS.has(path) ? '*' : key}`;
      out.add(p);
      keyPaths(v, p, out);
    }
  }
  return out;
}

/** Each data node of a `__data.json` answer, decoded as the browser decodes it. */
function nodesOfDataJson(text: string): Record<string, unknown>[] {
  const body = JSON.parse(text) as {
    type: string;
    nodes: ({ type: string; data: unknown[] } | null)[];
  };
  expect(body.type).toBe('data');
  return body.nodes.flatMap((n) =>
    n?.type === 'data' ? [unflatten(n.data) as Record<string, unknown>] : []
  );
}

/** The data the HTML hands to the app on start (`kit.start(app, element, { data: [...] })`). */
function nodesOfHtml(html: string): Record<string, unknown>[] {
  const script = /kit\.start\(app, element, \{([\s\S]*?)\n\s*\}\);/.exec(html)?.[1];
  expect(script, 'the page starts the app with its data').toBeDefined();
  const data = /\bdata: (\[[\s\S]*\]),?\s*$/m.exec(script!)?.[1];
  expect(data, 'the start options carry the data').toBeDefined();
  // The serialised data is a JavaScript expression (devalue's uneval); evaluated in an empty
  // context, as the browser would, to read back exactly what the page sent.
  const nodes = runInNewContext(`(${data})`, {}) as ({ type: string; data: unknown } | null)[];
  return nodes.flatMap((n) => (n?.type === 'data' ? [n.data as Record<string, unknown>] : []));
}

function pathsOf(nodes: Record<string, unknown>[]): string[] {
  const out = new Set<string>();
  for (const node of nodes) keyPaths(node, '', out);
  return [...out].sort();
}

describeEachDriver('the share page’s data', (ctx) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(ctx.handle);
  });

  /**
   * The access fixtures' scenario, made to use every part of the picture: two successors, an
   * item without a service area, a dependency, a milestone, a linked contract, an owner typed
   * as an email address and an item note (which the picture never shows).
   */
  async function richProgramme(f: AccessFixtures) {
    const [programme] = await ctx.db
      .select({ id: programmes.id })
      .from(programmes)
      .where(eq(programmes.slug, f.programmeSlug));
    const programmeId = programme!.id;
    await ctx.db.insert(councils).values({
      programmeId,
      name: 'Matrix North Council',
      role: 'successor',
      kind: 'unitary'
    });
    await ctx.db
      .update(roadmapItems)
      .set({ owner: 'Jane Smith <jane.smith@matrix.gov.uk>', notes: 'Private: budget at risk' })
      .where(eq(roadmapItems.id, f.roadmapItemId));
    const [second] = await ctx.db
      .insert(roadmapItems)
      .values({
        programmeId,
        scenarioId: f.scenarioId,
        kind: 'foundation',
        title: 'Matrix foundation',
        owner: 'it.director@matrix.gov.uk',
        startDate: '2031-04-01',
        alphaStart: '2031-07-01',
        betaStart: '2032-01-01',
        liveStart: '2032-10-01',
        endDate: '2033-04-01'
      })
      .returning({ id: roadmapItems.id });
    await ctx.db
      .insert(roadmapDependencies)
      .values({ predecessorId: f.roadmapItemId, successorId: second!.id });
    await ctx.db
      .insert(roadmapMilestones)
      .values({ scenarioId: f.scenarioId, name: 'Matrix milestone', date: '2030-01-01' });
    await ctx.db
      .insert(roadmapItemContracts)
      .values({ itemId: f.roadmapItemId, contractId: f.contractId });
    return programmeId;
  }

  async function linkTo(programmeId: string, f: AccessFixtures, baselineId: string | null) {
    const token = generateSessionToken();
    await ctx.db.insert(shareLinks).values({
      programmeId,
      scenarioId: f.scenarioId,
      baselineId,
      label: 'Data test',
      tokenHash: sessionIdFromToken(token),
      expiresOn: '2099-12-31'
    });
    return token;
  }

  it('holds only the keys the picture shows, with no ids or email addresses, in __data.json and the HTML', async () => {
    const f = await createAccessFixtures(ctx.db);
    const programmeId = await richProgramme(f);
    const token = await linkTo(programmeId, f, null);

    const json = await app.request(`/share/${token}/__data.json`);
    expect(json.status).toBe(200);
    const jsonText = await json.text();
    const html = await (await app.get(`/share/${token}`)).text();

    // Found text is reported, not the whole page.
    for (const text of [jsonText, html]) {
      expect(UUID.exec(text)?.[0]).toBeUndefined();
      for (const hidden of [...ADDRESSES, 'Private: budget at risk']) {
        expect(text.includes(hidden), hidden).toBe(false);
      }
    }
    // Still the picture: the items, the owner's name without the address, the contract end.
    expect(html).toContain('Matrix redesign');
    expect(html).toContain('Matrix foundation');
    expect(html).toContain('Jane Smith');
    expect(html).toContain('MX-1');
    expect(html).toContain('Matrix North Council');
    expect(html).toMatch(/href="#item-i\d+"/);

    const fromJson = nodesOfDataJson(jsonText);
    const fromHtml = nodesOfHtml(html);
    expect(pathsOf(fromJson)).toEqual(ALLOWED);
    expect(pathsOf(fromHtml)).toEqual(ALLOWED);
    expect(fromHtml).toEqual(fromJson);
    const page = fromJson.at(-1) as { present: { view: { notes: object } } };
    for (const key of Object.keys(page.present.view.notes)) expect(key).toMatch(/^i\d+$/);
  });

  it('shows an approved baseline with who approved it and when, and nothing more', async () => {
    const f = await createAccessFixtures(ctx.db);
    const programmeId = await richProgramme(f);
    const token = await linkTo(programmeId, f, f.approvalId);
    const json = await app.request(`/share/${token}/__data.json`);
    expect(json.status).toBe(200);
    const text = await json.text();
    expect(UUID.exec(text)?.[0]).toBeUndefined();
    const paths = pathsOf(nodesOfDataJson(text));
    const extra = paths.filter((p) => !ALLOWED.includes(p));
    expect(extra).toEqual(['present.approved.approvedBy', 'present.approved.approvedOn']);
  });
});
