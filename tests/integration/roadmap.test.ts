import { and, eq, ne } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import {
  auditEvents,
  contracts,
  roadmapDependencies,
  roadmapItemContracts,
  roadmapItems,
  roadmapMilestones,
  programmes,
  roadmapScenarios,
  serviceAreas
} from '#lib/server/db/schema/index.ts';
import { bumpRevision } from '#lib/server/revisions.ts';
import { describeEachDriver } from './harness';
import { startTestApp, type TestApp } from './app';
import { statementCounter } from './query-count';
import { createRoadmapFixtures, insertRoadmapItems } from './factories/roadmap';

describeEachDriver('the roadmap', (ctx) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(ctx.handle);
  });

  const itemOf = async (id: string) =>
    (await ctx.db.select().from(roadmapItems).where(eq(roadmapItems.id, id)))[0];
  const eventsOf = (action: string) =>
    ctx.db.select().from(auditEvents).where(eq(auditEvents.action, action));
  const schedule = (start: string, alpha: string, beta: string, live: string, end: string) => ({
    startDate: start,
    alphaStart: alpha,
    betaStart: beta,
    liveStart: live,
    endDate: end
  });
  const form = (change: Record<string, string> = {}) => ({
    title: 'Waste redesign',
    kind: 'redesign',
    status: 'planned',
    size: 'l',
    owner: 'Head of waste',
    startDate: '2029-04',
    alphaStart: 'July 2029',
    betaStart: '01/2030',
    liveStart: '2030-10',
    endDate: 'Apr 2031',
    ...change
  });

  it('adds an item with its links and audit event, reading months as people type them', async () => {
    const r = await createRoadmapFixtures(ctx.db);
    const response = await app.post(
      `${r.base}/items/new`,
      { ...form(), dependsOn: r.f.roadmapItemId, contractIds: r.f.contractId },
      { cookie: r.editor }
    );
    expect(response.status).toBe(303);
    const id = /items\/([0-9a-f-]{36})\?saved=added$/.exec(response.headers.get('location')!)![1]!;
    expect(await itemOf(id)).toMatchObject({
      scenarioId: r.f.scenarioId,
      title: 'Waste redesign',
      size: 'l',
      ...schedule('2029-04-01', '2029-07-01', '2030-01-01', '2030-10-01', '2031-04-01'),
      version: 1
    });
    expect(
      await ctx.db.select().from(roadmapDependencies).where(eq(roadmapDependencies.successorId, id))
    ).toEqual([{ predecessorId: r.f.roadmapItemId, successorId: id }]);
    expect(
      await ctx.db.select().from(roadmapItemContracts).where(eq(roadmapItemContracts.itemId, id))
    ).toEqual([{ itemId: id, contractId: r.f.contractId }]);
    const [event] = await eventsOf('roadmap_item_created');
    expect(event).toMatchObject({ entityId: id, userId: r.f.users.editor.id });

    const page = await (
      await app.get(`${r.base}/items/${id}?saved=added`, { cookie: r.editor })
    ).text();
    expect(page).toContain('<title>Waste redesign – Matrix programme – Vesting Day</title>');
    expect(page).toContain('Item added');
    expect(page).toContain('value="2029-07"');
  });

  it('explains what is wrong with a form, and saves nothing', async () => {
    const r = await createRoadmapFixtures(ctx.db);
    const response = await app.post(
      `${r.base}/items/new`,
      form({ title: '', alphaStart: '2029-01', liveStart: 'soon', contractIds: 'not-an-id' }),
      { cookie: r.editor }
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Enter a title');
    expect(html).toContain('Enter when it goes live as a month and year, like April 2029');
    const other = await app.post(`${r.base}/items/new`, form({ alphaStart: '2029-01' }), {
      cookie: r.editor
    });
    expect(await other.text()).toContain('Alpha cannot start before discovery');
    expect(await ctx.db.select().from(roadmapItems)).toHaveLength(1);
  });

  it('moves an item at the version seen, refuses a stale move, and undoes the last change', async () => {
    const r = await createRoadmapFixtures(ctx.db);
    const moved = schedule('2029-07-01', '2029-10-01', '2030-04-01', '2031-01-01', '2031-07-01');
    const first = await app.post(
      `${r.base}?/move`,
      { itemId: r.f.roadmapItemId, version: '1', ...moved },
      { cookie: r.editor }
    );
    expect(first.status).toBe(303);
    const location = first.headers.get('location')!;
    expect(location).toMatch(/^\/programmes\/matrix\/roadmap\?undo=\d+$/);
    expect(await itemOf(r.f.roadmapItemId)).toMatchObject({ ...moved, version: 2 });

    const stale = await app.post(
      `${r.base}?/move`,
      {
        itemId: r.f.roadmapItemId,
        version: '1',
        ...schedule('2030-01-01', '2030-04-01', '2030-10-01', '2031-07-01', '2032-01-01')
      },
      { cookie: r.editor }
    );
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('Someone else changed this Matrix redesign while you were editing it');
    expect(html).toContain('1 July 2029');
    expect(await itemOf(r.f.roadmapItemId)).toMatchObject({ version: 2 });

    const page = await (await app.get(location, { cookie: r.editor })).text();
    expect(page).toContain('Moved');
    expect(page).toContain('>Undo<');
    const eventId = /undo=(\d+)/.exec(location)![1]!;
    const undone = await app.post(`${r.base}?/undo`, { eventId }, { cookie: r.editor });
    expect(undone.status).toBe(303);
    expect(await itemOf(r.f.roadmapItemId)).toMatchObject({
      ...schedule('2029-04-01', '2029-07-01', '2030-01-01', '2030-10-01', '2031-04-01'),
      version: 3
    });
    const again = await app.post(`${r.base}?/undo`, { eventId }, { cookie: r.editor });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('has been changed since, so the change cannot be undone');
    expect(await eventsOf('roadmap_item_moved')).toHaveLength(2);
  });

  it('moves an item to another lane, checks the lane, refuses a stale drop and undoes it', async () => {
    const r = await createRoadmapFixtures(ctx.db);
    const [other] = await ctx.db
      .insert(serviceAreas)
      .values({ programmeId: r.programmeId, name: 'Parking', category: 'service', priority: 2 })
      .returning({ id: serviceAreas.id });
    const drop = (change: Record<string, string>, cookie = r.editor) =>
      app.post(
        `${r.base}?/relane&lanes=area`,
        { itemId: r.f.roadmapItemId, version: '1', grouping: 'area', ...change },
        { cookie }
      );

    expect((await drop({ lane: other!.id }, r.viewer)).status).toBe(403);
    const [outsiders] = await ctx.db
      .select({ id: programmes.id })
      .from(programmes)
      .where(ne(programmes.id, r.programmeId));
    const [theirs] = await ctx.db
      .insert(serviceAreas)
      .values({ programmeId: outsiders!.id, name: 'Theirs', category: 'service', priority: 2 })
      .returning({ id: serviceAreas.id });
    const foreign = await drop({ lane: theirs!.id });
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toContain('Choose a service area from this programme');
    expect((await drop({ lane: 'not a lane' })).status).toBe(400);
    expect((await drop({ grouping: 'status', lane: 'finished-ish' })).status).toBe(400);
    expect(await itemOf(r.f.roadmapItemId)).toMatchObject({
      serviceAreaId: r.f.serviceAreaId,
      version: 1
    });

    const moved = await drop({ lane: other!.id });
    expect(moved.status).toBe(303);
    const location = moved.headers.get('location')!;
    expect(location).toMatch(/^\/programmes\/matrix\/roadmap\?lanes=area&undo=\d+$/);
    expect(await itemOf(r.f.roadmapItemId)).toMatchObject({
      serviceAreaId: other!.id,
      startDate: '2029-04-01',
      version: 2
    });
    const [event] = await eventsOf('roadmap_item_lane_changed');
    expect(event).toMatchObject({ entityId: r.f.roadmapItemId, userId: r.f.users.editor.id });
    expect(await (await app.get(location, { cookie: r.editor })).text()).toContain(
      'Moved to another lane:'
    );

    const stale = await drop({ lane: 'none' });
    expect(stale.status).toBe(409);
    expect(await itemOf(r.f.roadmapItemId)).toMatchObject({ serviceAreaId: other!.id });

    const eventId = /undo=(\d+)/.exec(location)![1]!;
    expect((await app.post(`${r.base}?/undo`, { eventId }, { cookie: r.editor })).status).toBe(303);
    expect(await itemOf(r.f.roadmapItemId)).toMatchObject({
      serviceAreaId: r.f.serviceAreaId,
      version: 3
    });

    const byStatus = await app.post(
      `${r.base}?/relane`,
      { itemId: r.f.roadmapItemId, version: '3', grouping: 'status', lane: 'in_progress' },
      { cookie: r.editor }
    );
    expect(byStatus.status).toBe(303);
    expect(await itemOf(r.f.roadmapItemId)).toMatchObject({ status: 'in_progress', version: 4 });
  });

  it('refuses a move that breaks the phase order, with a message', async () => {
    const r = await createRoadmapFixtures(ctx.db);
    const response = await app.post(
      `${r.base}?/move`,
      {
        itemId: r.f.roadmapItemId,
        version: '1',
        ...schedule('2029-07-01', '2029-04-01', '2030-04-01', '2031-01-01', '2031-07-01')
      },
      { cookie: r.editor }
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Alpha cannot start before discovery');
  });

  it('edits an item with a conflict check, and shows a viewer no way to change it', async () => {
    const r = await createRoadmapFixtures(ctx.db);
    const url = `${r.base}/items/${r.f.roadmapItemId}`;
    const saved = await app.post(url, form({ title: 'First', version: '1' }), { cookie: r.editor });
    expect(saved.status).toBe(303);
    const stale = await app.post(url, form({ title: 'Second', version: '1' }), {
      cookie: r.editor
    });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('Someone else changed this item');
    expect(await itemOf(r.f.roadmapItemId)).toMatchObject({ title: 'First', version: 2 });

    const asViewer = await (await app.get(url, { cookie: r.viewer })).text();
    expect(asViewer).toContain('<h1 class="govuk-heading-l">First</h1>');
    expect(asViewer).not.toContain('Save changes');
    const roadmap = await (await app.get(r.base, { cookie: r.viewer })).text();
    expect(roadmap).toContain('First');
    expect(roadmap).not.toContain('Add an item');
    expect(roadmap).not.toContain('?/move');
    const post = await app.post(url, form({ version: '2' }), { cookie: r.viewer });
    expect(post.status).toBe(403);
    const editorPage = await (await app.get(r.base, { cookie: r.editor })).text();
    // Editors get the move form the bars post to (phase-edge handles appear on hover).
    expect(editorPage).toContain('?/move');
  });

  it('draws the timeline on the server, with warnings on the bars and a table', async () => {
    const r = await createRoadmapFixtures(ctx.db);
    // Vesting day is 1 April 2028: a redesign starting on it is inside the stabilisation window.
    await insertRoadmapItems(ctx.db, r.programmeId, r.f.scenarioId, ['2028-04-01']);
    const html = await (
      await app.get(`${r.base}?zoom=quarter&lanes=status`, { cookie: r.editor })
    ).text();
    expect(html).toContain('<title>Roadmap – Matrix programme – Vesting Day</title>');
    expect(html).toContain('class="vd-timeline__body"');
    expect(html).toContain('Vesting day');
    expect(html).toMatch(/<g class="vd-bar vd-bar--warn">/);
    expect(html).toContain('inside the 1 year after vesting day kept for stabilising');
    expect(html).toContain('The roadmap as a table');
    expect(html).toContain('>Planned</text>');
    // The page opens on the chart: one line counts the findings above it, the list is below.
    const summary = html.search(
      /: marked on the bars they concern, and <a class="govuk-link" href="#warnings">/
    );
    const chart = html.indexOf('class="vd-timeline__body"');
    const list = html.indexOf('id="warnings"');
    expect(summary).toBeGreaterThan(-1);
    expect(html.slice(0, summary)).toMatch(
      /<strong>\d+ (problem|warning)s?( and \d+ warnings?)?<\/strong>$/
    );
    expect(summary).toBeLessThan(chart);
    expect(list).toBeGreaterThan(chart);
  });

  it('lets the browser draw the roadmap before fetching its scripts, unlike other pages', async () => {
    const r = await createRoadmapFixtures(ctx.db);
    // What the response asks the browser to preload: SvelteKit 3 writes <link> elements into
    // the page's head (or a Link header, with output.linkHeaderPreload).
    const preloads = async (path: string) => {
      const response = await app.get(path, { cookie: r.editor });
      expect(response.status).toBe(200);
      const html = await response.text();
      const head = html.slice(0, html.indexOf('</head>'));
      const elements = [...head.matchAll(/<link\b[^>]*>/g)].map(([tag]) => tag);
      return {
        scripts: elements.filter((tag) => /rel="modulepreload"/.test(tag)).length,
        others: elements.filter((tag) => /rel="preload"/.test(tag)).length,
        header: response.headers.get('link') ?? ''
      };
    };
    // The page's own inline script imports them once the page has been parsed.
    const roadmap = await preloads(r.base);
    expect(roadmap.scripts).toBe(0);
    // Its stylesheet is inlined: nothing else to preload.
    expect(roadmap.others).toBe(0);
    expect(roadmap.header).toBe('');
    const items = await preloads(`${r.base}/items/new`);
    expect(items.scripts).toBeGreaterThan(0);
  });

  it('copies a scenario, compares it and makes it current', async () => {
    const r = await createRoadmapFixtures(ctx.db);
    const scenarios = `${r.base}/scenarios`;
    const copy = await app.post(
      `${scenarios}?/copy`,
      { scenarioId: r.f.scenarioId, name: 'Slower plan' },
      { cookie: r.editor }
    );
    expect(copy.status).toBe(303);
    const [copied] = await ctx.db
      .select()
      .from(roadmapScenarios)
      .where(eq(roadmapScenarios.name, 'Slower plan'));
    expect(copied).toMatchObject({ isCurrent: false, copiedFromId: r.f.scenarioId });
    const [copiedItem] = await ctx.db
      .select()
      .from(roadmapItems)
      .where(eq(roadmapItems.scenarioId, copied!.id));
    const [original] = await ctx.db
      .select()
      .from(roadmapItems)
      .where(eq(roadmapItems.id, r.f.roadmapItemId));
    expect(copiedItem!.id).not.toBe(original!.id);
    expect(copiedItem!.lineageId).toBe(original!.lineageId);

    await app.post(
      `${r.base}?/move&scenario=${copied!.id}`,
      {
        itemId: copiedItem!.id,
        version: '1',
        ...schedule('2030-04-01', '2030-07-01', '2031-01-01', '2031-10-01', '2032-04-01')
      },
      { cookie: r.editor }
    );
    const compared = await (
      await app.get(`${scenarios}?a=${r.f.scenarioId}&b=${copied!.id}`, { cookie: r.viewer })
    ).text();
    expect(compared).toContain('Slower plan compared with Matrix plan');
    expect(compared).toContain('1 year later');
    expect(await itemOf(r.f.roadmapItemId)).toMatchObject({ startDate: '2029-04-01' });

    const current = await app.post(
      `${scenarios}?/makeCurrent`,
      { scenarioId: copied!.id, version: '1' },
      { cookie: r.editor }
    );
    expect(current.status).toBe(303);
    const rows = await ctx.db.select().from(roadmapScenarios);
    expect(rows.filter((s) => s.isCurrent).map((s) => s.name)).toEqual(['Slower plan']);
    const stale = await app.post(
      `${scenarios}?/makeCurrent`,
      { scenarioId: r.f.scenarioId, version: '1' },
      { cookie: r.editor }
    );
    expect(stale.status).toBe(409);
    expect(await eventsOf('roadmap_scenario_made_current')).toHaveLength(1);
  });

  it('adds and removes milestones; vesting day is always shown and cannot be removed', async () => {
    const r = await createRoadmapFixtures(ctx.db);
    const added = await app.post(
      `${r.base}?/addMilestone`,
      { scenarioId: r.f.scenarioId, name: 'Members review the plan', date: 'June 2030' },
      { cookie: r.editor }
    );
    expect(added.status).toBe(303);
    const [milestone] = await ctx.db.select().from(roadmapMilestones);
    expect(milestone).toMatchObject({ name: 'Members review the plan', date: '2030-06-01' });
    const page = await (await app.get(r.base, { cookie: r.viewer })).text();
    expect(page).toContain('Members review the plan');
    expect(page).toContain('Always shown');
    expect(page).not.toContain('?/deleteMilestone');
    const bad = await app.post(
      `${r.base}?/addMilestone`,
      { scenarioId: r.f.scenarioId, name: '', date: 'someday' },
      { cookie: r.editor }
    );
    expect(bad.status).toBe(400);
    const stale = await app.post(
      `${r.base}?/deleteMilestone`,
      { milestoneId: milestone!.id, version: '2' },
      { cookie: r.editor }
    );
    expect(stale.status).toBe(409);
    const removed = await app.post(
      `${r.base}?/deleteMilestone`,
      { milestoneId: milestone!.id, version: '1' },
      { cookie: r.editor }
    );
    expect(removed.status).toBe(303);
    expect(await ctx.db.select().from(roadmapMilestones)).toEqual([]);
    expect(await eventsOf('roadmap_milestone_deleted')).toHaveLength(1);
  });

  it('loads the roadmap page in the same number of queries whatever its size', async () => {
    const r = await createRoadmapFixtures(ctx.db);
    const pageQueries = async () => {
      const counter = statementCounter(ctx.db, ctx.driver);
      try {
        const response = await app.get(r.base, { cookie: r.editor });
        expect(response.status).toBe(200);
        return counter.count;
      } finally {
        counter.stop();
      }
    };
    const small = await pageQueries();
    const ids = await insertRoadmapItems(
      ctx.db,
      r.programmeId,
      r.f.scenarioId,
      Array.from({ length: 40 }, (_, i) => `${2029 + (i % 8)}-0${1 + (i % 9)}-01`)
    );
    await ctx.db
      .insert(roadmapDependencies)
      .values(ids.slice(1).map((id, i) => ({ predecessorId: ids[i]!, successorId: id })));
    await ctx.db
      .insert(roadmapItemContracts)
      .values(ids.slice(0, 10).map((itemId) => ({ itemId, contractId: r.f.contractId })));
    // Written directly, so the revision an audited change would raise is raised by hand.
    await bumpRevision(ctx.db, r.programmeId);
    const large = await pageQueries();
    expect(large).toBe(small + 2);
    expect(large).toBeLessThanOrEqual(16);
    const [contract] = await ctx.db
      .select({ id: contracts.id })
      .from(contracts)
      .where(and(eq(contracts.id, r.f.contractId)));
    expect(contract).toBeDefined();
  });

  it('draws a large roadmap a page of rows at a time, then fetches every item', async () => {
    const r = await createRoadmapFixtures(ctx.db);
    await insertRoadmapItems(
      ctx.db,
      r.programmeId,
      r.f.scenarioId,
      Array.from(
        { length: 600 },
        (_, i) => `${2029 + (i % 8)}-${String(1 + (i % 12)).padStart(2, '0')}-01`
      )
    );
    await bumpRevision(ctx.db, r.programmeId);
    const get = async (query = '') => {
      const response = await app.get(`${r.base}${query}`, { cookie: r.editor });
      expect(response.status).toBe(200);
      const text = await response.text();
      const end = text.indexOf('</html>');
      expect(text.slice(end).trim()).toBe('</html>');
      return { page: text.slice(0, end) };
    };
    const drawn = (html: string) =>
      new Set([...html.matchAll(/data-item="([^"]+)"/g)].map((m) => m[1]));

    const first = await get();
    const onFirst = drawn(first.page);
    expect(onFirst.size).toBeGreaterThan(10);
    expect(onFirst.size).toBeLessThan(601);
    const parts = Number(/Part 1 of (\d+) of the timeline/.exec(first.page)?.[1]);
    expect(parts).toBeGreaterThan(1);
    // The browser then fetches every item, to draw what comes into view as it scrolls.
    expect(first.page).not.toContain('Item 600<');
    // Where from is in the page's data: the script fetches it once the page has been drawn.
    const href = /timelineHref:"([^"]+)"/.exec(first.page)?.[1];
    expect(href).toMatch(/\/timeline\.json\?/);
    // Not preloaded: it would compete with the page's own styles and scripts for the server.
    expect(first.page).not.toContain('rel="preload" as="fetch"');
    const all = await app.get(href!, { cookie: r.editor });
    expect(all.status).toBe(200);
    const timeline = (await all.json()) as { items: { title: string }[]; notes: object };
    expect(timeline.items).toHaveLength(601);
    expect(timeline.items.map((i) => i.title)).toContain('Item 600');

    const second = await get('?timelinePage=2');
    expect(second.page).toContain(`Part 2 of ${parts} of the timeline`);
    const onSecond = drawn(second.page);
    expect(onSecond.size).toBeGreaterThan(0);
    expect([...onSecond].filter((id) => onFirst.has(id))).toEqual([]);

    const print = await get('?print=1');
    expect(drawn(print.page).size).toBe(601);
    // Printed, the table has every row too, on one page.
    const tableRows = (html: string) =>
      /<table class="govuk-table vd-roadmap-table"[\s\S]*?<\/table>/
        .exec(html)?.[0]
        .match(/<tr class="govuk-table__row">/g)?.length ?? 0;
    expect(tableRows(print.page)).toBe(601 + 1);
    expect(tableRows(first.page)).toBe(25 + 1);
    expect(print.page).not.toContain('aria-label="Pages of the table"');
    // The first 10 warnings are listed (and any that name no item); the rest are a link away.
    const listed = (html: string) => html.match(/<li class="vd-roadmap-warning">/g)?.length ?? 0;
    expect(listed(first.page)).toBeGreaterThan(0);
    expect(listed(first.page)).toBeLessThanOrEqual(10);
    expect(first.page).toMatch(/\d+ more: each item’s warnings are in the table below/);
    const every = await get('?warnings=all');
    expect(listed(every.page)).toBeGreaterThan(listed(first.page));
    // The capacity strip counts every item, not just the page's.
    const strip = (html: string) =>
      /<svg class="vd-timeline__capacity"[\s\S]*?<\/svg>/.exec(html)?.[0];
    expect(strip(first.page)).toBeDefined();
    expect(strip(first.page)).toBe(strip(print.page));
    expect(print.page).not.toContain('of the timeline:');

    expect(first.page).toContain('items 1 to 25 of 601');
    const lastTable = await get('?tablePage=25');
    expect(lastTable.page).toContain('items 601 to 601 of 601');
    expect(lastTable.page).toContain('aria-label="Pages of the table"');
  });
});
