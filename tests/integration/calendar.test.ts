import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { beforeAll, expect, it } from 'vitest';
import { addMonths, todayUtc } from '#lib/domain/dates.ts';
import {
  auditEvents,
  calendarFeeds,
  contracts,
  programmeMembers,
  programmes,
  users
} from '#lib/server/db/schema/index.ts';
import { describeEachDriver } from './harness';
import { startTestApp, type TestApp } from './app';
import { createAccessFixtures } from './factories/access';

describeEachDriver('calendar feed', (ctx) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(ctx.handle);
  });

  const today = todayUtc();

  async function setup() {
    const f = await createAccessFixtures(ctx.db);
    const cookie = (await f.cookieFor('editor'))!;
    const [programme] = await ctx.db
      .select()
      .from(programmes)
      .where(eq(programmes.slug, f.programmeSlug));
    await ctx.db
      .update(contracts)
      .set({ endDate: addMonths(today, 8), noticePeriodValue: 3, noticePeriodUnit: 'months' })
      .where(eq(contracts.id, f.contractId));
    const page = `/programmes/${f.programmeSlug}/calendar`;
    return { f, cookie, programme: programme!, page };
  }

  async function createAddress(page: string, cookie: string): Promise<string> {
    const response = await app.post(`${page}?/create`, {}, { cookie });
    expect(response.status).toBe(200);
    const html = await response.text();
    const match = /value="http:\/\/vd\.test(\/calendar\/[a-z2-7]{32}\.ics)"/.exec(html);
    expect(match, 'the new address is shown once').not.toBeNull();
    return match![1]!;
  }

  function events(text: string) {
    const calendar = new ICAL.Component(ICAL.parse(text));
    return calendar.getAllSubcomponents('vevent').map((v) => {
      const event = new ICAL.Event(v);
      return {
        uid: event.uid,
        date: event.startDate.toString(),
        allDay: event.startDate.isDate,
        summary: event.summary,
        description: event.description,
        url: String(v.getFirstPropertyValue('url'))
      };
    });
  }

  it('serves a valid iCalendar of vesting day, notice deadlines and contract ends', async () => {
    const { f, cookie, programme, page } = await setup();
    const path = await createAddress(page, cookie);
    // The feed needs no session: calendar apps cannot sign in.
    const response = await app.get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const list = events(await response.text());
    const end = addMonths(today, 8);
    expect(list.map((e) => [e.uid, e.date, e.allDay])).toEqual(
      expect.arrayContaining([
        [`vesting-day-${programme.id}@vesting-day`, '2028-04-01', true],
        [`notice-deadline-${f.contractId}@vesting-day`, addMonths(end, -3), true],
        [`contract-end-${f.contractId}@vesting-day`, end, true]
      ])
    );
    expect(list).toHaveLength(3);
    const notice = list.find((e) => e.uid.startsWith('notice-deadline'))!;
    expect(notice.summary).toBe('Notice deadline: MX-1 Matrix contract (Matrix Ltd)');
    expect(notice.description).toContain('Contract: MX-1: Matrix contract');
    expect(notice.description).toContain('Supplier: Matrix Ltd');
    const link = `http://vd.test/programmes/matrix/contracts/${f.contractId}`;
    expect(notice.description).toContain(link);
    expect(notice.url).toBe(link);
  });

  it('keeps event UIDs when a contract moves, so calendars update rather than duplicate', async () => {
    const { f, cookie, page } = await setup();
    const path = await createAddress(page, cookie);
    const before = events(await (await app.get(path)).text());
    const later = addMonths(today, 14);
    await ctx.db.update(contracts).set({ endDate: later }).where(eq(contracts.id, f.contractId));
    const after = events(await (await app.get(path)).text());
    expect(after.map((e) => e.uid).sort()).toEqual(before.map((e) => e.uid).sort());
    expect(after.find((e) => e.uid.startsWith('contract-end'))!.date).toBe(later);
  });

  it('stores only a hash, audits each change, and a revoked or replaced address is a 404', async () => {
    const { f, cookie, page } = await setup();
    const first = await createAddress(page, cookie);
    const token = /\/calendar\/([a-z2-7]+)\.ics/.exec(first)![1]!;
    const stored = await ctx.db
      .select()
      .from(calendarFeeds)
      .where(eq(calendarFeeds.userId, f.users.editor.id));
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);
    const shown = await (await app.get(page, { cookie })).text();
    expect(shown).not.toContain(token);
    expect(shown).toContain('Turn off this address');

    const second = await createAddress(page, cookie);
    expect((await app.get(first)).status).toBe(404);
    expect((await app.get(second)).status).toBe(200);

    const revoked = await app.post(`${page}?/revoke`, {}, { cookie });
    expect(revoked.status).toBe(200);
    expect(await revoked.text()).toContain('Calendar address turned off');
    expect((await app.get(second)).status).toBe(404);
    const again = await app.post(`${page}?/revoke`, {}, { cookie });
    expect(again.status).toBe(400);

    const actions = await ctx.db
      .select({ action: auditEvents.action, userId: auditEvents.userId })
      .from(auditEvents)
      .where(eq(auditEvents.entity, 'calendar_feed'))
      .orderBy(auditEvents.id);
    expect(actions.map((a) => a.action)).toEqual([
      'calendar_feed_created',
      'calendar_feed_created',
      'calendar_feed_revoked'
    ]);
    expect(actions.every((a) => a.userId === f.users.editor.id)).toBe(true);
    const logged = await ctx.db.select().from(auditEvents);
    expect(JSON.stringify(logged)).not.toContain(token);
  });

  it('is a 404 for unknown or malformed tokens, and once the owner leaves or is disabled', async () => {
    const { f } = await setup();
    const valid = `/calendar/${f.calendarToken}.ics`;
    expect((await app.get(valid)).status).toBe(200);
    expect((await app.get(`/calendar/${'a'.repeat(32)}.ics`)).status).toBe(404);
    expect((await app.get('/calendar/not-a-token.ics')).status).toBe(404);
    expect((await app.get(`/calendar/${f.calendarToken}`)).status).toBe(404);

    await ctx.db
      .update(users)
      .set({ disabledAt: new Date() })
      .where(eq(users.id, f.users.viewer.id));
    expect((await app.get(valid)).status).toBe(404);
    await ctx.db.update(users).set({ disabledAt: null }).where(eq(users.id, f.users.viewer.id));
    expect((await app.get(valid)).status).toBe(200);
    await ctx.db
      .delete(programmeMembers)
      .where(and(eq(programmeMembers.userId, f.users.viewer.id)));
    expect((await app.get(valid)).status).toBe(404);
  });
});
