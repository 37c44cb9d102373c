import { readFileSync, readdirSync } from 'node:fs';
import { and, asc, eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { addDays, todayUtc } from '#lib/domain/dates.ts';
import type { SessionUser } from '#lib/server/auth/sessions.ts';
import { sessionIdFromToken } from '#lib/server/auth/tokens.ts';
import { createCalendarFeed } from '#lib/server/calendar/feeds.ts';
import {
  auditEvents,
  calendarFeeds,
  programmeMembers,
  programmes,
  shareLinks
} from '#lib/server/db/schema/index.ts';
import { createShareLink } from '#lib/server/present/index.ts';
import { describeEachDriver } from './harness';
import { startTestApp, type TestApp } from './app';
import { createAccessFixtures, type AccessFixtures } from './factories/access';

describeEachDriver('removing a member', (ctx) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(ctx.handle);
  });

  const today = todayUtc();

  async function setup() {
    const f = await createAccessFixtures(ctx.db);
    const [programme] = await ctx.db
      .select({ id: programmes.id })
      .from(programmes)
      .where(eq(programmes.slug, f.programmeSlug));
    const owner = (await f.cookieFor('owner'))!;
    const editor = (await f.cookieFor('editor'))!;
    const base = `/programmes/${f.programmeSlug}`;
    return { f, programmeId: programme!.id, owner, editor, base };
  }

  async function calendarAddress(base: string, cookie: string): Promise<string> {
    const response = await app.post(`${base}/calendar?/create`, {}, { cookie });
    expect(response.status).toBe(200);
    return /value="http:\/\/vd\.test(\/calendar\/[a-z2-7]{32}\.ics)"/.exec(
      await response.text()
    )![1]!;
  }

  async function shareLink(f: AccessFixtures, base: string, cookie: string, label: string) {
    const response = await app.post(
      `${base}/roadmap/share?/create`,
      { plan: `scenario:${f.scenarioId}`, label, expiresOn: addDays(today, 30) },
      { cookie }
    );
    expect(response.status).toBe(200);
    return /value="http:\/\/vd\.test(\/share\/[a-z2-7]{32})"/.exec(await response.text())![1]!;
  }

  function removal(f: AccessFixtures, who: 'viewer' | 'editor' | 'owner') {
    return `/programmes/${f.programmeSlug}/members/${f.users[who].id}/remove`;
  }

  async function events(action: string) {
    return ctx.db
      .select({
        entityId: auditEvents.entityId,
        userId: auditEvents.userId,
        before: auditEvents.before,
        after: auditEvents.after
      })
      .from(auditEvents)
      .where(eq(auditEvents.action, action))
      .orderBy(asc(auditEvents.id));
  }

  it('deletes their calendar address, so adding them back does not bring it back', async () => {
    const { f, owner, editor, base } = await setup();
    // One replaced (revoked) and the live one: both are deleted, neither left hidden.
    await calendarAddress(base, editor);
    const address = await calendarAddress(base, editor);
    expect((await app.get(address)).status).toBe(200);
    const [latest] = await ctx.db
      .select({ id: calendarFeeds.id })
      .from(calendarFeeds)
      .where(and(eq(calendarFeeds.userId, f.users.editor.id), sql`revoked_at is null`));

    const page = await app.get(removal(f, 'editor'), { cookie: owner });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(
      'Their calendar address for this programme will be deleted'
    );
    const removed = await app.post(removal(f, 'editor'), {}, { cookie: owner });
    expect(removed.status).toBe(303);

    const left = await ctx.db
      .select()
      .from(calendarFeeds)
      .where(eq(calendarFeeds.userId, f.users.editor.id));
    expect(left).toEqual([]);
    const deleted = await events('calendar_feed_deleted');
    expect(deleted).toHaveLength(2);
    expect(deleted.every((e) => e.userId === f.users.owner.id)).toBe(true);
    expect(deleted.map((e) => e.entityId)).toContain(latest!.id);

    const added = await app.post(
      `${base}/members?/add`,
      { email: f.users.editor.email, role: 'editor' },
      { cookie: owner }
    );
    expect(added.status).toBe(200);
    // The address they used before the removal stays dead: its row is gone for good.
    const [, old] = /\/calendar\/([a-z2-7]{32})\.ics/.exec(address)!;
    expect((await app.get(address)).status).toBe(404);
    expect(
      await ctx.db
        .select()
        .from(calendarFeeds)
        .where(eq(calendarFeeds.tokenHash, sessionIdFromToken(old!)))
    ).toEqual([]);
    expect(
      await ctx.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, f.users.editor.id))
    ).toEqual([]);
    // They can make a new one, which works.
    const fresh = await calendarAddress(base, editor);
    expect((await app.get(fresh)).status).toBe(200);
  });

  it('keeps no address for anyone who is not a member, however the membership ends', async () => {
    const { f, programmeId } = await setup();
    // The fixtures gave the viewer an address; ending the membership by any route deletes it.
    await ctx.db
      .delete(programmeMembers)
      .where(
        and(
          eq(programmeMembers.programmeId, programmeId),
          eq(programmeMembers.userId, f.users.viewer.id)
        )
      );
    expect(await ctx.db.select().from(calendarFeeds)).toEqual([]);
    expect((await app.get(`/calendar/${f.calendarToken}.ics`)).status).toBe(404);
    // And none can be written for a non-member: the page's check and the write race.
    const viewer: SessionUser = {
      id: f.users.viewer.id,
      email: f.users.viewer.email,
      displayName: 'The viewer',
      isAdmin: false
    };
    expect(await createCalendarFeed(ctx.db, viewer, programmeId, null)).toBeNull();
    expect(await ctx.db.select().from(calendarFeeds)).toEqual([]);
  });

  it('revokes the share links they made when asked (the default), with an audit event each', async () => {
    const { f, owner, editor, base } = await setup();
    const theirs = [
      await shareLink(f, base, editor, 'Cabinet, 3 March'),
      await shareLink(f, base, editor, 'Scrutiny, 9 March')
    ];
    const ownersLink = await shareLink(f, base, owner, 'Leader’s briefing');

    const page = await app.get(removal(f, 'editor'), { cookie: owner });
    const html = await page.text();
    expect(html).toContain('Share links made by The editor');
    expect(html).toContain('Cabinet, 3 March');
    expect(html).toContain('Scrutiny, 9 March');
    expect(html).not.toContain('Leader’s briefing');
    // Ticked unless the owner unticks it.
    expect(html).toMatch(/<input[^>]*name="revokeShareLinks"[^>]*value="yes"[^>]*checked/);
    expect(html).toContain('Revoke the 2 share links they made');

    const removed = await app.post(
      removal(f, 'editor'),
      { revokeShareLinks: 'yes' },
      { cookie: owner }
    );
    expect(removed.status).toBe(303);
    expect(removed.headers.get('location')).toBe(
      `/programmes/${f.programmeSlug}/members?done=removed&revoked=2&kept=0`
    );
    for (const link of theirs) expect((await app.get(link)).status).toBe(410);
    expect((await app.get(ownersLink)).status).toBe(200);

    const revoked = await events('share_link_revoked');
    expect(revoked).toHaveLength(2);
    for (const e of revoked) {
      expect(e.userId).toBe(f.users.owner.id);
      expect(e.after).toEqual({ reason: 'maker_removed', makerId: f.users.editor.id });
    }
    const [memberRemoved] = await events('member_removed');
    expect(memberRemoved).toMatchObject({
      entityId: f.users.editor.id,
      before: { role: 'editor' },
      after: { shareLinksRevoked: 2, shareLinksKept: [] }
    });
    const banner = await (
      await app.get(`${base}/members?done=removed&revoked=2&kept=0`, { cookie: owner })
    ).text();
    expect(banner).toContain('The 2 share links they made were revoked.');
  });

  it('keeps the links working when the box is unticked, and the share page names their maker', async () => {
    const { f, owner, editor, base } = await setup();
    const theirs = await shareLink(f, base, editor, 'Cabinet, 3 March');
    // An unticked box sends nothing.
    const removed = await app.post(removal(f, 'editor'), {}, { cookie: owner });
    expect(removed.status).toBe(303);
    expect((await app.get(theirs)).status).toBe(200);
    expect(await events('share_link_revoked')).toEqual([]);
    const [link] = await ctx.db
      .select({ id: shareLinks.id })
      .from(shareLinks)
      .where(eq(shareLinks.label, 'Cabinet, 3 March'));
    const [memberRemoved] = await events('member_removed');
    expect(memberRemoved!.after).toMatchObject({
      shareLinksRevoked: 0,
      shareLinksKept: [link!.id]
    });

    const list = await (await app.get(`${base}/roadmap/share`, { cookie: owner })).text();
    expect(list).toContain('The editor (no longer a member)');
    // The fixtures' own link has no maker (as after an account is deleted): two to review.
    expect(
      /2 links that still work were\s+made by someone who can no longer share/.test(list)
    ).toBe(true);
    // An owner who still can share is named plainly.
    await shareLink(f, base, owner, 'Leader’s briefing');
    const again = await (await app.get(`${base}/roadmap/share`, { cookie: owner })).text();
    expect(again).toMatch(/data-testid="link-maker"[^>]*>The owner</);
  });

  it('marks a link whose maker was made a viewer, and refuses a link from someone who cannot share', async () => {
    const { f, programmeId, owner, editor, base } = await setup();
    await shareLink(f, base, editor, 'Cabinet, 3 March');
    const changed = await app.post(
      `${base}/members?/changeRole`,
      { userId: f.users.editor.id, role: 'viewer' },
      { cookie: owner }
    );
    expect(changed.status).toBe(200);
    const list = await (await app.get(`${base}/roadmap/share`, { cookie: owner })).text();
    expect(list).toContain('The editor (now a viewer, who cannot share)');
    // The role is read again as the link is written, not only by the page's check.
    const actor: SessionUser = {
      id: f.users.editor.id,
      email: f.users.editor.email,
      displayName: 'The editor',
      isAdmin: false
    };
    const made = await createShareLink(
      ctx.db,
      actor,
      programmeId,
      { plan: { kind: 'scenario', id: f.scenarioId }, label: 'Late', expiresOn: addDays(today, 5) },
      null
    );
    expect(made).toMatchObject({ ok: false, reason: 'not-allowed' });
    expect(await ctx.db.select().from(shareLinks).where(eq(shareLinks.label, 'Late'))).toEqual([]);
  });

  it('refuses to remove the last owner and a forged choice, and 404s a non-member', async () => {
    const { f, owner } = await setup();
    const page = await app.get(removal(f, 'owner'), { cookie: owner });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('You cannot remove The owner');
    const refused = await app.post(removal(f, 'owner'), {}, { cookie: owner });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('A programme needs at least one owner');

    const forged = await app.post(
      removal(f, 'viewer'),
      { revokeShareLinks: 'maybe' },
      { cookie: owner }
    );
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('Tick the box to revoke their share links');
    expect(await events('member_removed')).toEqual([]);

    const outsider = `/programmes/${f.programmeSlug}/members/${f.users.outsider.id}/remove`;
    expect((await app.get(outsider, { cookie: owner })).status).toBe(404);
    expect((await app.post(outsider, {}, { cookie: owner })).status).toBe(404);
    const junk = `/programmes/${f.programmeSlug}/members/not-an-id/remove`;
    expect((await app.get(junk, { cookie: owner })).status).toBe(404);
    expect((await app.post(junk, {}, { cookie: owner })).status).toBe(404);
  });

  it('sends an owner who removes themself to their programmes', async () => {
    const { f, owner, base } = await setup();
    await app.post(
      `${base}/members?/changeRole`,
      { userId: f.users.editor.id, role: 'owner' },
      { cookie: owner }
    );
    const removed = await app.post(removal(f, 'owner'), {}, { cookie: owner });
    expect(removed.status).toBe(303);
    expect(removed.headers.get('location')).toBe('/programmes');
    expect((await app.get(`${base}/members`, { cookie: owner })).status).toBe(404);
  });

  it('migration 0011 deletes addresses left behind by earlier removals', async () => {
    const { f, programmeId } = await setup();
    // The database as the previous release left it: no foreign key, and an address whose
    // owner was removed from the programme.
    await ctx.db.execute(
      sql`alter table calendar_feeds drop constraint calendar_feeds_membership_fk`
    );
    await ctx.db
      .delete(programmeMembers)
      .where(
        and(
          eq(programmeMembers.programmeId, programmeId),
          eq(programmeMembers.userId, f.users.viewer.id)
        )
      );
    expect(await ctx.db.select().from(calendarFeeds)).toHaveLength(1);
    const file = readdirSync('drizzle').find((n) => n.startsWith('0011_'))!;
    for (const statement of readFileSync(`drizzle/${file}`, 'utf8').split(
      '--> statement-breakpoint'
    )) {
      await ctx.db.execute(sql.raw(statement));
    }
    expect(await ctx.db.select().from(calendarFeeds)).toEqual([]);
    await ctx.db
      .insert(programmeMembers)
      .values({ programmeId, userId: f.users.viewer.id, role: 'viewer' });
    expect((await app.get(`/calendar/${f.calendarToken}.ics`)).status).toBe(404);
  });
});
