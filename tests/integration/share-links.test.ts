import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { readSheet } from 'read-excel-file/node';
import { beforeAll, expect, it } from 'vitest';
import { addDays, todayUtc } from '#lib/domain/dates.ts';
import { sessionIdFromToken } from '#lib/server/auth/tokens.ts';
import { auditEvents, roadmapItems, shareLinks } from '#lib/server/db/schema/index.ts';
import { describeEachDriver } from './harness';
import { startTestApp, type TestApp } from './app';
import { createAccessFixtures, type AccessFixtures } from './factories/access';

const FORMULA = '=HYPERLINK("http://evil.example","Matrix")';

describeEachDriver('share links and roadmap exports', (ctx) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(ctx.handle);
  });

  const today = todayUtc();

  async function setup() {
    const f = await createAccessFixtures(ctx.db);
    const page = `/programmes/${f.programmeSlug}/roadmap/share`;
    return { f, page };
  }

  async function createLink(
    f: AccessFixtures,
    page: string,
    cookie: string,
    fields: Record<string, string> = {}
  ) {
    const response = await app.post(
      `${page}?/create`,
      {
        plan: `scenario:${f.scenarioId}`,
        label: 'Cabinet, 3 March',
        expiresOn: addDays(today, 30),
        ...fields
      },
      { cookie }
    );
    return response;
  }

  async function createdToken(response: Response): Promise<string> {
    expect(response.status).toBe(200);
    const html = await response.text();
    const match = /value="http:\/\/vd\.test\/share\/([a-z2-7]{32})"/.exec(html);
    expect(match, 'the new link is shown once').not.toBeNull();
    return match![1]!;
  }

  it('lets editors and owners make a link, but not viewers', async () => {
    const { f, page } = await setup();
    for (const actor of ['editor', 'owner'] as const) {
      const cookie = (await f.cookieFor(actor))!;
      await createdToken(await createLink(f, page, cookie));
    }
    const viewer = (await f.cookieFor('viewer'))!;
    expect((await createLink(f, page, viewer)).status).toBe(403);
    expect((await app.get(page, { cookie: viewer })).status).toBe(403);
    const made = await ctx.db
      .select()
      .from(shareLinks)
      .where(eq(shareLinks.label, 'Cabinet, 3 March'));
    expect(made.map((l) => l.createdBy).sort()).toEqual(
      [f.users.editor.id, f.users.owner.id].sort()
    );
  });

  it('stores only the hash, shows the view signed out with safe headers, and counts views', async () => {
    const { f, page } = await setup();
    const cookie = (await f.cookieFor('editor'))!;
    const token = await createdToken(await createLink(f, page, cookie));
    const [row] = await ctx.db
      .select()
      .from(shareLinks)
      .where(eq(shareLinks.tokenHash, sessionIdFromToken(token)));
    expect(row).toBeDefined();
    expect(row!.baselineId).toBeNull();
    expect(row!.expiresOn).toBe(addDays(today, 30));
    const everything = await ctx.db.select().from(shareLinks);
    expect(JSON.stringify(everything)).not.toContain(token);

    // No cookie: signed out.
    const shared = await app.get(`/share/${token}`);
    expect(shared.status).toBe(200);
    expect(shared.headers.get('referrer-policy')).toBe('no-referrer');
    expect(shared.headers.get('x-robots-tag')).toContain('noindex');
    expect(shared.headers.get('cache-control')).toBe('private, no-store');
    const html = await shared.text();
    expect(html).toContain('The roadmap at a glance');
    expect(html).toContain('Matrix redesign');
    expect(html).toContain('Day one');
    // Read-only and self-contained: bars lead to the page's own table, nothing into the app,
    // by a stand-in for the item's id (share-page-data.test.ts holds the page's data to that).
    expect(html).not.toMatch(/href="\/programmes/);
    expect(html).toContain('href="#item-i1"');
    expect(html).toContain('id="item-i1"');
    expect(html).not.toContain(f.roadmapItemId);
    expect(html).not.toContain('<form');

    await app.get(`/share/${token}`);
    const [viewed] = await ctx.db.select().from(shareLinks).where(eq(shareLinks.id, row!.id));
    expect(viewed!.viewCount).toBe(2);
    expect(viewed!.firstViewedAt).not.toBeNull();
    expect(viewed!.lastViewedAt!.getTime()).toBeGreaterThanOrEqual(
      viewed!.firstViewedAt!.getTime()
    );

    const list = await (await app.get(page, { cookie })).text();
    expect(list).toContain('Cabinet, 3 March');
    expect(list).not.toContain(token);

    const audit = await ctx.db
      .select({ action: auditEvents.action, userId: auditEvents.userId, after: auditEvents.after })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, row!.id))
      .orderBy(auditEvents.id);
    // Created, then opened once: later views move the counter, not the audit log.
    expect(audit.map((a) => a.action)).toEqual(['share_link_created', 'share_link_first_viewed']);
    expect(audit[0]!.userId).toBe(f.users.editor.id);
    const logged = await ctx.db.select().from(auditEvents);
    expect(JSON.stringify(logged)).not.toContain(token);
  });

  it('refuses a revoked link with 410, audits the revocation, and 404s an unknown one', async () => {
    const { f, page } = await setup();
    const cookie = (await f.cookieFor('owner'))!;
    const token = await createdToken(await createLink(f, page, cookie));
    const [row] = await ctx.db
      .select({ id: shareLinks.id })
      .from(shareLinks)
      .where(eq(shareLinks.tokenHash, sessionIdFromToken(token)));

    const revoked = await app.post(`${page}?/revoke`, { linkId: row!.id }, { cookie });
    expect(revoked.status).toBe(200);
    expect(await revoked.text()).toContain('Link revoked');
    const gone = await app.get(`/share/${token}`);
    expect(gone.status).toBe(410);
    expect(gone.headers.get('referrer-policy')).toBe('no-referrer');
    expect(gone.headers.get('cache-control')).toBe('private, no-store');
    const text = await gone.text();
    expect(text).toContain('This link no longer works');
    expect(text).not.toContain('Matrix');

    expect((await app.post(`${page}?/revoke`, { linkId: row!.id }, { cookie })).status).toBe(404);
    const [audit] = await ctx.db
      .select({ action: auditEvents.action, userId: auditEvents.userId })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'share_link_revoked'));
    expect(audit).toEqual({ action: 'share_link_revoked', userId: f.users.owner.id });

    expect((await app.get(`/share/${'a'.repeat(32)}`)).status).toBe(404);
    expect((await app.get('/share/not-a-token')).status).toBe(404);
  });

  it('refuses an expired link, and expiry dates in the past or over a year ahead', async () => {
    const { f, page } = await setup();
    const cookie = (await f.cookieFor('editor'))!;
    const token = await createdToken(await createLink(f, page, cookie, { expiresOn: today }));
    // Works on its last day…
    expect((await app.get(`/share/${token}`)).status).toBe(200);
    // …and not the day after.
    await ctx.db
      .update(shareLinks)
      .set({ expiresOn: addDays(today, -1) })
      .where(eq(shareLinks.tokenHash, sessionIdFromToken(token)));
    const expired = await app.get(`/share/${token}`);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('This link no longer works');

    const past = await createLink(f, page, cookie, { expiresOn: addDays(today, -1) });
    expect(past.status).toBe(400);
    expect(await past.text()).toContain('The expiry date must be today or in the future');
    const far = await createLink(f, page, cookie, { expiresOn: addDays(today, 400) });
    expect(far.status).toBe(400);
    expect(await far.text()).toContain('The expiry date must be within a year');
    const junk = await createLink(f, page, cookie, { expiresOn: '2027-02-30', label: '' });
    expect(junk.status).toBe(400);
    const other = await createLink(f, page, cookie, { plan: `scenario:${crypto.randomUUID()}` });
    expect(other.status).toBe(400);
    expect(await ctx.db.select().from(shareLinks)).toHaveLength(2);
  });

  it('shows the present view to a viewer', async () => {
    const { f } = await setup();
    const cookie = (await f.cookieFor('viewer'))!;
    const response = await app.get(`/programmes/${f.programmeSlug}/roadmap/present`, { cookie });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('The roadmap at a glance');
    expect(html).toContain('Matrix plan');
    expect(html).toContain('The plan as a table');
    const missing = await app.get(
      `/programmes/${f.programmeSlug}/roadmap/present?scenario=${crypto.randomUUID()}`,
      { cookie }
    );
    expect(missing.status).toBe(404);
  });

  it('exports the timeline as SVG and PNG, and the items as CSV and Excel', async () => {
    const { f } = await setup();
    const cookie = (await f.cookieFor('viewer'))!;
    // A formula-like title must reach the spreadsheet as text.
    await ctx.db
      .update(roadmapItems)
      .set({ title: FORMULA })
      .where(eq(roadmapItems.id, f.roadmapItemId));
    const base = `/programmes/${f.programmeSlug}/roadmap/export`;

    const svg = await app.get(`${base}/timeline?format=svg`, { cookie });
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(svg.headers.get('content-disposition')).toMatch(
      /^attachment; filename="matrix-roadmap-\d{4}-\d{2}-\d{2}\.svg"$/
    );
    const text = await svg.text();
    expect(text.startsWith('<?xml')).toBe(true);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).toContain('Matrix programme: roadmap');
    expect(text).toContain('Matrix area');
    expect(text).toContain('Vesting day');
    expect(text).toContain('Capacity');
    expect(text).not.toContain('<script');
    expect(text).not.toContain('<!--');

    const png = await app.get(`${base}/timeline?format=png&zoom=decade`, { cookie });
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await png.arrayBuffer());
    expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    // IHDR width and height: the SVG's size, doubled.
    expect(view.getUint32(16)).toBeGreaterThan(1000);
    expect(view.getUint32(20)).toBeGreaterThan(300);

    const csv = await app.get(`${base}/items?format=csv`, { cookie });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = parse(await csv.text(), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.Item).toBe(`'${FORMULA}`);
    expect(rows[0]!['Service area']).toBe('Matrix area');
    expect(rows[0]!['Goes live']).toBe('2030-10-01');

    const xlsx = await app.get(`${base}/items?format=xlsx`, { cookie });
    expect(xlsx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    );
    const [header, first] = await readSheet(Buffer.from(await xlsx.arrayBuffer()), {
      trim: false
    });
    expect(header![0]).toBe('Item');
    // A text cell holding the formula's text, as the contracts export writes it.
    expect(first![0]).toBe(FORMULA);

    expect((await app.get(`${base}/items?scenario=nope`, { cookie })).status).toBe(404);
  });
});
