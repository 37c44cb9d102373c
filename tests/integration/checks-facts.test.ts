import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import {
  auditEvents,
  checkSettings,
  councilDayOneFacts,
  councilSecurityControls,
  programmes,
  savingsLines,
  securityControls,
  systems
} from '#lib/server/db/schema/index.ts';
import { describeEachDriver } from './harness';
import { startTestApp, type TestApp } from './app';
import { createAccessFixtures } from './factories/access';

describeEachDriver('day-one fact forms', (ctx) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(ctx.handle);
  });

  async function setup() {
    const f = await createAccessFixtures(ctx.db);
    const [programme] = await ctx.db
      .select()
      .from(programmes)
      .where(eq(programmes.slug, f.programmeSlug));
    // These tests start from an empty security catalogue.
    await ctx.db.delete(securityControls).where(eq(securityControls.id, f.securityControlId));
    return {
      f,
      programmeId: programme!.id,
      editor: (await f.cookieFor('editor'))!,
      viewer: (await f.cookieFor('viewer'))!,
      base: `/programmes/${f.programmeSlug}/checks`
    };
  }

  it('saves a predecessor’s facts, versioned and audited; a stale form is refused', async () => {
    const { f, editor, base } = await setup();
    const path = `${base}/facts/councils/${f.councilId}`;
    const form = {
      version: '0',
      tenancyStatus: 'migration_planned',
      'tenancyDate-day': '1',
      'tenancyDate-month': '1',
      'tenancyDate-year': '2028',
      financeMove: 'not_planned',
      redirectPlan: 'live',
      legacyRouting: 'no'
    };
    const saved = await app.post(path, form, { cookie: editor });
    expect(saved.status).toBe(303);
    const [row] = await ctx.db
      .select()
      .from(councilDayOneFacts)
      .where(eq(councilDayOneFacts.councilId, f.councilId));
    expect(row).toMatchObject({
      tenancyStatus: 'migration_planned',
      tenancyDate: '2028-01-01',
      financeMove: 'not_planned',
      financeDate: null,
      redirectPlan: 'live',
      legacyRouting: false,
      version: 1
    });
    const events = await ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'day_one_facts_saved'));
    expect(events).toHaveLength(1);

    const stale = await app.post(path, { ...form, tenancyStatus: 'in_target' }, { cookie: editor });
    expect(stale.status).toBe(409);
    const again = await app.post(
      path,
      { ...form, version: '1', tenancyStatus: 'in_target' },
      {
        cookie: editor
      }
    );
    expect(again.status).toBe(303);
    const [after] = await ctx.db
      .select()
      .from(councilDayOneFacts)
      .where(eq(councilDayOneFacts.councilId, f.councilId));
    expect(after).toMatchObject({ tenancyStatus: 'in_target', tenancyDate: null, version: 2 });
  });

  it.each([
    [{ tenancyStatus: 'migration_planned' }, 'Enter the planned migration date'],
    [
      {
        financeMove: 'hosted',
        'financeDate-day': '1',
        'financeDate-month': '1',
        'financeDate-year': '2028'
      },
      'Choose the council that hosts finance'
    ],
    [{ financeMove: 'migrated' }, 'Enter the date finance moves'],
    [{ redirectPlan: 'planned' }, 'Enter the date the redirects switch on'],
    [
      { 'tenancyDate-day': '30', 'tenancyDate-month': '2', 'tenancyDate-year': '2028' },
      'Migration date must be a real date'
    ],
    [{ tenancyStatus: 'sideways' }, 'Choose the tenancy status'],
    [{ legacyRouting: 'maybe' }, 'Choose yes, no or not known']
  ])('refuses %j with a clear message, not a 500', async (fields, message) => {
    const { f, editor, base } = await setup();
    const response = await app.post(
      `${base}/facts/councils/${f.councilId}`,
      { version: '0', ...fields },
      {
        cookie: editor
      }
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
  });

  it('checks that a successor’s finance system belongs to the programme', async () => {
    const { f, editor, base, programmeId } = await setup();
    const path = `${base}/facts/councils/${f.successorCouncilId}`;
    const bad = await app.post(
      path,
      { version: '0', financeSystemId: '00000000-0000-4000-8000-000000000000' },
      { cookie: editor }
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Choose a system from the list');
    const [system] = await ctx.db
      .insert(systems)
      .values({ programmeId, councilId: f.successorCouncilId, name: 'Ledger' })
      .returning();
    const url = await app.post(
      path,
      { version: '0', financeSystemId: system!.id, websiteUrl: 'http://plain.example' },
      { cookie: editor }
    );
    expect(url.status).toBe(400);
    expect(await url.text()).toContain('starting https://');
    const ok = await app.post(
      path,
      {
        version: '0',
        financeSystemId: system!.id,
        targetTenant: 'matrix.onmicrosoft.com',
        websiteUrl: 'https://www.matrix.gov.example',
        'websiteGoLive-day': '1',
        'websiteGoLive-month': '3',
        'websiteGoLive-year': '2028'
      },
      { cookie: editor }
    );
    expect(ok.status).toBe(303);
  });

  it('lets a viewer read the facts but not change them', async () => {
    const { f, viewer, base } = await setup();
    expect((await app.get(`${base}/facts`, { cookie: viewer })).status).toBe(200);
    const response = await app.post(
      `${base}/facts/councils/${f.councilId}`,
      { version: '0', tenancyStatus: 'in_target' },
      { cookie: viewer }
    );
    expect(response.status).toBe(403);
    expect(await ctx.db.select().from(councilDayOneFacts)).toEqual([]);
    const savings = await app.post(
      `${base}/facts/savings?/add`,
      { description: 'x', programmeYear: '1', category: 'digital', amount: '1' },
      { cookie: viewer }
    );
    expect(savings.status).toBe(403);
    expect(await ctx.db.select().from(savingsLines)).toEqual([]);
  });

  it('records security controls for a council, with every version checked', async () => {
    const { f, editor, base, programmeId } = await setup();
    expect(
      (await app.post(`${base}/facts/security?/standard`, {}, { cookie: editor })).status
    ).toBe(200);
    const controls = await ctx.db
      .select()
      .from(securityControls)
      .where(eq(securityControls.programmeId, programmeId));
    expect(controls.map((c) => c.name)).toContain('Cyber Essentials Plus');
    expect(controls).toHaveLength(7);
    const again = await app.post(`${base}/facts/security?/standard`, {}, { cookie: editor });
    expect(again.status).toBe(400);

    const fields: Record<string, string> = {};
    for (const c of controls) {
      fields[`version-${c.id}`] = '0';
      fields[`status-${c.id}`] = 'met';
    }
    const ceplus = controls.find((c) => c.name === 'Cyber Essentials Plus')!;
    Object.assign(fields, {
      [`expiry-${ceplus.id}-day`]: '31',
      [`expiry-${ceplus.id}-month`]: '4',
      [`expiry-${ceplus.id}-year`]: '2028'
    });
    const path = `${base}/facts/security/${f.councilId}`;
    const invalid = await app.post(path, fields, { cookie: editor });
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain(
      'Expiry date of Cyber Essentials Plus must be a real date'
    );
    fields[`expiry-${ceplus.id}-day`] = '30';
    expect((await app.post(path, fields, { cookie: editor })).status).toBe(303);
    const rows = await ctx.db
      .select()
      .from(councilSecurityControls)
      .where(eq(councilSecurityControls.councilId, f.councilId));
    expect(rows).toHaveLength(7);
    expect(rows.find((r) => r.controlId === ceplus.id)?.expiryDate).toBe('2028-04-30');
    // The same form again is stale: every row is now at version 1.
    expect((await app.post(path, fields, { cookie: editor })).status).toBe(409);
  });

  it('renames a control, keeping councils’ statuses; refuses a taken name and a stale form', async () => {
    const { f, editor, viewer, base, programmeId } = await setup();
    await app.post(`${base}/facts/security?/standard`, {}, { cookie: editor });
    const controls = await ctx.db
      .select()
      .from(securityControls)
      .where(eq(securityControls.programmeId, programmeId));
    const mfa = controls.find((c) => c.name.startsWith('MFA'))!;
    const other = controls.find((c) => c.id !== mfa.id)!;
    await ctx.db.insert(councilSecurityControls).values({
      programmeId,
      councilId: f.councilId,
      controlId: mfa.id,
      status: 'met'
    });
    const path = `${base}/facts/security/controls/${mfa.id}`;
    expect((await app.get(path, { cookie: viewer })).status).toBe(403);
    expect((await app.get(path, { cookie: editor })).status).toBe(200);

    const taken = await app.post(
      path,
      { version: '1', name: other.name.toUpperCase(), description: '' },
      { cookie: editor }
    );
    expect(taken.status).toBe(400);
    expect(await taken.text()).toContain('already has a control with this name');

    const renamed = await app.post(
      path,
      { version: '1', name: 'Phishing-resistant MFA', description: 'FIDO2 keys <b>only</b>' },
      { cookie: editor }
    );
    expect(renamed.status).toBe(303);
    const [after] = await ctx.db
      .select()
      .from(securityControls)
      .where(eq(securityControls.id, mfa.id));
    expect(after).toMatchObject({ name: 'Phishing-resistant MFA', version: 2 });
    const statuses = await ctx.db
      .select()
      .from(councilSecurityControls)
      .where(eq(councilSecurityControls.controlId, mfa.id));
    expect(statuses.map((s) => s.status)).toEqual(['met']);
    const [event] = await ctx.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.entityId, mfa.id), eq(auditEvents.action, 'security_control_changed'))
      );
    expect(event?.before).toMatchObject({ name: mfa.name });
    const page = await (await app.get(`${base}/facts/security`, { cookie: editor })).text();
    expect(page).toContain('FIDO2 keys &lt;b');
    expect(page).not.toContain('<b>only</b>');

    const stale = await app.post(
      path,
      { version: '1', name: 'Something else', description: '' },
      { cookie: editor }
    );
    expect(stale.status).toBe(409);
    expect(
      (await app.get(`${base}/facts/security/controls/not-a-uuid`, { cookie: editor })).status
    ).toBe(404);
  });

  it('adds and removes savings lines, refusing a bad amount', async () => {
    const { editor, base, programmeId } = await setup();
    const path = `${base}/facts/savings`;
    const bad = await app.post(
      `${path}?/add`,
      { description: 'Licences', programmeYear: '1', category: 'digital', amount: '-5' },
      { cookie: editor }
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Amount cannot be negative');
    const year = await app.post(
      `${path}?/add`,
      { description: 'Licences', programmeYear: '0', category: 'digital', amount: '5' },
      { cookie: editor }
    );
    expect(year.status).toBe(400);
    const ok = await app.post(
      `${path}?/add`,
      { description: 'Licences', programmeYear: '2', category: 'digital', amount: '£1.5m' },
      { cookie: editor }
    );
    expect(ok.status).toBe(200);
    const [line] = await ctx.db
      .select()
      .from(savingsLines)
      .where(eq(savingsLines.programmeId, programmeId));
    expect(line).toMatchObject({ amountPence: 150_000_000, programmeYear: 2, category: 'digital' });
    const stale = await app.post(
      `${path}?/remove`,
      { lineId: line!.id, version: '2' },
      { cookie: editor }
    );
    expect(stale.status).toBe(409);
    const removed = await app.post(
      `${path}?/remove`,
      { lineId: line!.id, version: '1' },
      { cookie: editor }
    );
    expect(removed.status).toBe(200);
    expect(await ctx.db.select().from(savingsLines)).toEqual([]);
  });

  it('saves thresholds within their limits, and the checks use them', async () => {
    const { editor, base, programmeId } = await setup();
    const form = {
      contractHorizonMonths: '61',
      noticeUrgentDays: '90',
      securityExpiryMonths: '6',
      savingsProtectedYears: '2',
      cutoverMarginDays: '28',
      version: '0'
    };
    const bad = await app.post(`${base}/settings`, form, { cookie: editor });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('enter a whole number from 0 to 60');
    const ok = await app.post(
      `${base}/settings`,
      { ...form, contractHorizonMonths: '3' },
      { cookie: editor }
    );
    expect(ok.status).toBe(303);
    const [row] = await ctx.db
      .select()
      .from(checkSettings)
      .where(and(eq(checkSettings.programmeId, programmeId)));
    expect(row).toMatchObject({ contractHorizonMonths: 3, version: 1 });
    const html = await (await app.get(`${base}/contracts`, { cookie: editor })).text();
    expect(html).toContain('1 July 2028');
  });
});
