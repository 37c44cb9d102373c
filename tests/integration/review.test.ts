import { eq } from 'drizzle-orm';
import { addDays, todayUtc } from '#lib/domain/dates.ts';
import { beforeAll, expect, it } from 'vitest';
import {
  auditEvents,
  baselineItems,
  commentRevisions,
  comments,
  programmes,
  roadmapApprovals,
  roadmapItems,
  shareLinks
} from '#lib/server/db/schema/index.ts';
import { describeEachDriver } from './harness';
import { startTestApp, type TestApp } from './app';
import { createRoadmapFixtures } from './factories/roadmap';

describeEachDriver('leadership review', (ctx) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(ctx.handle);
  });

  const eventsOf = (action: string) =>
    ctx.db.select().from(auditEvents).where(eq(auditEvents.action, action));

  async function setUp() {
    const r = await createRoadmapFixtures(ctx.db);
    const owner = (await r.f.cookieFor('owner'))!;
    const questions = `/programmes/${r.f.programmeSlug}/questions`;
    const contractPage = `/programmes/${r.f.programmeSlug}/contracts/${r.f.contractId}`;
    const comment = (cookie: string, body: string, extra: Record<string, string> = {}) =>
      app.post(
        `${questions}?/add`,
        {
          targetKind: 'contract',
          targetId: r.f.contractId,
          body,
          returnTo: contractPage,
          ...extra
        },
        { cookie }
      );
    return { ...r, owner, questions, contractPage, comment };
  }

  it('lets a viewer comment, audited, but not change an item', async () => {
    const r = await setUp();
    const response = await r.comment(r.viewer, 'Why extend this?');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${r.contractPage}#comments`);
    const [row] = await ctx.db.select().from(comments);
    expect(row).toMatchObject({ body: 'Why extend this?', authorId: r.f.users.viewer.id });
    const [event] = await eventsOf('comment_added');
    expect(event).toMatchObject({ entityId: row!.id, userId: r.f.users.viewer.id });

    const move = await app.post(
      `${r.base}?/move`,
      {
        itemId: r.f.roadmapItemId,
        version: '1',
        startDate: '2029-07-01',
        alphaStart: '2029-10-01',
        betaStart: '2030-04-01',
        liveStart: '2031-01-01',
        endDate: '2031-07-01'
      },
      { cookie: r.viewer }
    );
    expect(move.status).toBe(403);
    const [item] = await ctx.db
      .select()
      .from(roadmapItems)
      .where(eq(roadmapItems.id, r.f.roadmapItemId));
    expect(item!.startDate).toBe('2029-04-01');
  });

  it('shows comment text inert: markup as text, only http(s) addresses as links', async () => {
    const r = await setUp();
    const hostile =
      '<script>alert(1)</script><img src=x onerror=alert(2)> javascript:alert(3) https://example.org/a?b=1&c=2.';
    expect((await r.comment(r.viewer, hostile)).status).toBe(303);
    const html = await (await app.get(r.contractPage, { cookie: r.editor })).text();
    // Svelte escapes "<" (enough to keep markup from starting); ">" may stay as it is.
    expect(html).toContain('&lt;script>alert(1)&lt;/script>&lt;img src=x onerror=alert(2)>');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain(
      '<a class="govuk-link" href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">'
    );
  });

  it('refuses an empty comment and a return address on another site', async () => {
    const r = await setUp();
    expect((await r.comment(r.viewer, '   ')).status).toBe(400);
    const away = await r.comment(r.viewer, 'Hello', { returnTo: '//evil.example/x' });
    expect(away.headers.get('location')).toBe(r.questions);
    const other = await r.comment(r.viewer, 'Hello', { returnTo: '/programmes/other/roadmap' });
    expect(other.headers.get('location')).toBe(r.questions);
  });

  it('keeps the earlier text when the author edits, and only the author may', async () => {
    const r = await setUp();
    await r.comment(r.viewer, 'First thought');
    const [row] = await ctx.db.select().from(comments);
    const byEditor = await app.post(
      `${r.questions}?/edit`,
      { commentId: row!.id, version: '1', body: 'Not yours' },
      { cookie: r.editor }
    );
    expect(byEditor.status).toBe(403);
    const edit = await app.post(
      `${r.questions}?/edit`,
      { commentId: row!.id, version: '1', body: 'Second thought', returnTo: r.contractPage },
      { cookie: r.viewer }
    );
    expect(edit.status).toBe(303);
    const [after] = await ctx.db.select().from(comments);
    expect(after).toMatchObject({ body: 'Second thought', version: 2 });
    expect(after!.editedAt).not.toBeNull();
    expect(await ctx.db.select({ body: commentRevisions.body }).from(commentRevisions)).toEqual([
      { body: 'First thought' }
    ]);
    expect(await eventsOf('comment_edited')).toHaveLength(1);
    const stale = await app.post(
      `${r.questions}?/edit`,
      { commentId: row!.id, version: '1', body: 'Third' },
      { cookie: r.viewer }
    );
    expect(stale.status).toBe(409);
    const html = await (await app.get(r.contractPage, { cookie: r.viewer })).text();
    expect(html).toContain('(edited)');
    expect(html).toContain('First thought');
  });

  it('lets editors resolve and reopen a thread, not viewers; open questions lists the rest', async () => {
    const r = await setUp();
    await r.comment(r.viewer, 'Question one');
    const [thread] = await ctx.db.select().from(comments);
    await r.comment(r.editor, 'An answer', { parentId: thread!.id });
    await app.post(
      `${r.questions}?/add`,
      { targetKind: 'check', targetId: 'contracts', body: 'Question two' },
      { cookie: r.viewer }
    );
    const denied = await app.post(
      `${r.questions}?/resolve`,
      { commentId: thread!.id, version: '1' },
      { cookie: r.viewer }
    );
    expect(denied.status).toBe(403);
    const resolved = await app.post(
      `${r.questions}?/resolve`,
      { commentId: thread!.id, version: '1' },
      { cookie: r.editor }
    );
    expect(resolved.status).toBe(303);
    expect(await eventsOf('comment_thread_resolved')).toHaveLength(1);
    const list = await (await app.get(r.questions, { cookie: r.viewer })).text();
    expect(list).toContain('Question two');
    expect(list).toContain('No contract lapses around vesting day');
    expect(list).not.toContain('Question one');
    const reopened = await app.post(
      `${r.questions}?/reopen`,
      { commentId: thread!.id, version: '2' },
      { cookie: r.owner }
    );
    expect(reopened.status).toBe(303);
    expect(await (await app.get(r.questions, { cookie: r.viewer })).text()).toContain(
      'Question one'
    );
    const replyToReply = await r.comment(r.viewer, 'Nested', {
      parentId: (await ctx.db.select().from(comments).where(eq(comments.body, 'An answer')))[0]!.id
    });
    expect(replyToReply.status).toBe(404);
  });

  const approve = (r: Awaited<ReturnType<typeof setUp>>, by: string, day: string) =>
    app.post(
      `${r.base}/approvals?/approve`,
      {
        scenarioId: r.f.scenarioId,
        approvedBy: by,
        'approvedOn-day': day,
        'approvedOn-month': '2',
        'approvedOn-year': '2028'
      },
      { cookie: r.owner }
    );

  it('keeps every approval with its own frozen baseline and verdict', async () => {
    const r = await setUp();
    // The fixtures hold one approval already; these are two more.
    await ctx.db.delete(roadmapApprovals);
    expect((await approve(r, 'the shadow executive', '14')).status).toBe(303);
    const moved = await app.post(
      `${r.base}?/move`,
      {
        itemId: r.f.roadmapItemId,
        version: '1',
        startDate: '2029-07-01',
        alphaStart: '2029-10-01',
        betaStart: '2030-04-01',
        liveStart: '2031-01-01',
        endDate: '2031-07-01'
      },
      { cookie: r.editor }
    );
    expect(moved.status).toBe(303);
    expect((await approve(r, 'the cabinet', '28')).status).toBe(303);
    const approvals = await ctx.db.select().from(roadmapApprovals);
    expect(approvals.map((a) => a.approvedBy).sort()).toEqual([
      'the cabinet',
      'the shadow executive'
    ]);
    for (const a of approvals) expect(a.verdict).toMatch(/ready|at-risk|not-ready|not-enough-data/);
    const frozen = await ctx.db.select().from(baselineItems);
    const startOf = (by: string) =>
      frozen.find((i) => i.approvalId === approvals.find((a) => a.approvedBy === by)!.id)!
        .startDate;
    expect(startOf('the shadow executive')).toBe('2029-04-01');
    expect(startOf('the cabinet')).toBe('2029-07-01');
    expect(await eventsOf('roadmap_scenario_approved')).toHaveLength(2);

    const first = approvals.find((a) => a.approvedBy === 'the shadow executive')!;
    const page = await (
      await app.get(`${r.base}/approvals/${first.id}`, { cookie: r.viewer })
    ).text();
    expect(page).toContain(
      'Matrix redesign starts 3 months later (July 2029, approved April 2029)'
    );
    const timeline = await (
      await app.get(`${r.base}?baseline=${first.id}`, { cookie: r.viewer })
    ).text();
    expect(timeline).toContain('data-ghost="moved"');
  });

  it('refuses an approval from an editor and one with no date', async () => {
    const r = await setUp();
    const byEditor = await app.post(
      `${r.base}/approvals?/approve`,
      {
        scenarioId: r.f.scenarioId,
        approvedBy: 'x',
        'approvedOn-day': '1',
        'approvedOn-month': '2',
        'approvedOn-year': '2028'
      },
      { cookie: r.editor }
    );
    expect(byEditor.status).toBe(403);
    const noDate = await app.post(
      `${r.base}/approvals?/approve`,
      { scenarioId: r.f.scenarioId, approvedBy: 'the board' },
      { cookie: r.owner }
    );
    expect(noDate.status).toBe(400);
  });

  it('keeps a baseline whole when an item is deleted, and reports the item dropped', async () => {
    const r = await setUp();
    await ctx.db.delete(roadmapApprovals);
    await approve(r, 'the shadow executive', '14');
    const [approval] = await ctx.db.select().from(roadmapApprovals);
    await ctx.db.delete(roadmapItems).where(eq(roadmapItems.id, r.f.roadmapItemId));
    expect(await ctx.db.select().from(baselineItems)).toMatchObject([
      { approvalId: approval!.id, title: 'Matrix redesign', startDate: '2029-04-01' }
    ]);
    const page = await (
      await app.get(`${r.base}/approvals/${approval!.id}`, { cookie: r.viewer })
    ).text();
    expect(page).toContain('Matrix redesign has been dropped from the plan');
    const timeline = await app.get(`${r.base}?baseline=${approval!.id}`, { cookie: r.viewer });
    expect(timeline.status).toBe(200);
  });

  it('answers 404 for an approval of another programme or a made-up one', async () => {
    const r = await setUp();
    const missing = await app.get(`${r.base}/approvals/00000000-0000-4000-8000-000000000000`, {
      cookie: r.viewer
    });
    expect(missing.status).toBe(404);
    expect((await app.get(`${r.base}?baseline=nonsense`, { cookie: r.viewer })).status).toBe(404);
    expect((await app.get(`${r.base}?baseline=`, { cookie: r.viewer })).status).toBe(200);
  });
  const MOVED = {
    version: '1',
    startDate: '2029-07-01',
    alphaStart: '2029-10-01',
    betaStart: '2030-04-01',
    liveStart: '2031-01-01',
    endDate: '2031-07-01'
  };

  const shareLink = (r: Awaited<ReturnType<typeof setUp>>, plan: string) =>
    app.post(
      `${r.base}/share?/create`,
      { plan, label: 'Cabinet pack', expiresOn: addDays(todayUtc(), 30) },
      { cookie: r.editor }
    );

  it('shares an approved baseline that stays as approved when the plan moves', async () => {
    const r = await setUp();
    await ctx.db.delete(roadmapApprovals);
    expect((await approve(r, 'the shadow executive', '14')).status).toBe(303);
    const [approval] = await ctx.db.select().from(roadmapApprovals);
    const created = await shareLink(r, `approval:${approval!.id}`);
    expect(created.status).toBe(200);
    const token = /value="http:\/\/vd\.test\/share\/([a-z2-7]{32})"/.exec(
      await created.text()
    )![1]!;
    const [link] = await ctx.db
      .select()
      .from(shareLinks)
      .where(eq(shareLinks.label, 'Cabinet pack'));
    expect(link).toMatchObject({ baselineId: approval!.id, scenarioId: r.f.scenarioId });
    const [event] = await ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, link!.id));
    expect(event!.after).toMatchObject({
      approvalId: approval!.id,
      approvedBy: 'the shadow executive'
    });

    // The move keeps the page's view (the action's address carries it) in its redirect.
    const moved = await app.post(
      `${r.base}?/move&baseline=${approval!.id}&zoom=decade`,
      { itemId: r.f.roadmapItemId, ...MOVED },
      { cookie: r.editor }
    );
    expect(moved.status).toBe(303);
    const back = new URL(moved.headers.get('location')!, 'http://vd.test');
    expect(back.searchParams.get('baseline')).toBe(approval!.id);
    expect(back.searchParams.get('zoom')).toBe('decade');

    const shared = await app.get(`/share/${token}`);
    expect(shared.status).toBe(200);
    const html = await shared.text();
    expect(html).toContain('Plan as approved by the shadow executive on 14 February 2028');
    expect(html).toContain('Matrix redesign');
    // The frozen dates, not the live ones the item was moved to.
    expect(html).toContain('1 April 2029');
    expect(html).not.toContain('1 July 2029');
    expect(html).not.toMatch(/href="\/programmes/);

    // A live-plan link shows the move.
    const live = await shareLink(r, `scenario:${r.f.scenarioId}`);
    const liveToken = /value="http:\/\/vd\.test\/share\/([a-z2-7]{32})"/.exec(
      await live.text()
    )![1]!;
    const liveHtml = await (await app.get(`/share/${liveToken}`)).text();
    expect(liveHtml).toContain('1 July 2029');
    expect(liveHtml).not.toContain('Plan as approved by');

    const list = await (await app.get(`${r.base}/share`, { cookie: r.editor })).text();
    expect(list).toContain('Plan as approved by the shadow executive on 14 February 2028');

    // Nothing ties the link to the approval in the database: if the approval goes, the link
    // says it no longer works rather than failing or showing the live plan.
    await ctx.db.delete(roadmapApprovals);
    const gone = await app.get(`/share/${token}`);
    expect(gone.status).toBe(410);
    const goneText = await gone.text();
    expect(goneText).toContain('This link no longer works');
    expect(goneText).not.toContain('Matrix');
  });

  it("refuses to share another programme's approval or a malformed choice", async () => {
    const r = await setUp();
    const [other] = await ctx.db
      .select({ id: programmes.id })
      .from(programmes)
      .where(eq(programmes.slug, 'other'));
    const [forged] = await ctx.db
      .insert(roadmapApprovals)
      .values({
        programmeId: other!.id,
        scenarioName: 'Theirs',
        approvedBy: 'their board',
        approvedOn: '2027-01-15',
        verdict: 'ready',
        checkResults: []
      })
      .returning({ id: roadmapApprovals.id });
    const refused = await shareLink(r, `approval:${forged!.id}`);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Choose an approval of this programme');
    const junk = await shareLink(r, `approval:${r.f.scenarioId}x`);
    expect(junk.status).toBe(400);
    expect(await junk.text()).toContain('Choose what to share');
    const scenarioAsApproval = await shareLink(r, `approval:${r.f.scenarioId}`);
    expect(scenarioAsApproval.status).toBe(400);
    expect(
      await ctx.db.select().from(shareLinks).where(eq(shareLinks.label, 'Cabinet pack'))
    ).toHaveLength(0);
  });

  it('presents the plan against an approval, signed in', async () => {
    const r = await setUp();
    await ctx.db.delete(roadmapApprovals);
    expect((await approve(r, 'the shadow executive', '14')).status).toBe(303);
    const [approval] = await ctx.db.select().from(roadmapApprovals);
    await app.post(
      `${r.base}?/move`,
      { itemId: r.f.roadmapItemId, ...MOVED },
      { cookie: r.editor }
    );
    const present = await app.get(`${r.base}/present?baseline=${approval!.id}`, {
      cookie: r.viewer
    });
    expect(present.status).toBe(200);
    const html = await present.text();
    expect(html).toContain('data-ghost="moved"');
    expect(html).toContain('Against the plan approved by the shadow executive on 14 February 2028');
    expect(html).toContain(
      'Matrix redesign starts 3 months later (July 2029, approved April 2029)'
    );
    for (const bad of [crypto.randomUUID(), 'junk']) {
      const missing = await app.get(`${r.base}/present?baseline=${bad}`, { cookie: r.viewer });
      expect(missing.status).toBe(404);
    }
    expect((await app.get(`${r.base}/present?baseline=${approval!.id}`)).status).not.toBe(200);
  });
});
