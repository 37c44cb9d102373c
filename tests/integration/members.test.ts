import { asc } from 'drizzle-orm';
import { expect, it } from 'vitest';
import {
  addMember,
  changeMemberRole,
  listMembers,
  removeMember
} from '#lib/server/members/index.ts';
import { auditEvents, programmeMembers, programmes } from '#lib/server/db/schema/index.ts';
import type { SessionUser } from '#lib/server/auth/sessions.ts';
import { describeEachDriver } from './harness';
import { createUser } from './factories/users';

describeEachDriver('programme members', (ctx) => {
  async function setup() {
    const owner = await createUser(ctx.db);
    const other = await createUser(ctx.db);
    const [programme] = await ctx.db
      .insert(programmes)
      .values({ name: 'P', slug: 'p', vestingDate: '2028-04-01' })
      .returning();
    await ctx.db
      .insert(programmeMembers)
      .values({ programmeId: programme!.id, userId: owner.id, role: 'owner' });
    const actor: SessionUser = {
      id: owner.id,
      email: owner.email,
      displayName: owner.displayName,
      isAdmin: false
    };
    return { owner, other, programmeId: programme!.id, actor };
  }

  it('adds an existing user once, by email in any case', async () => {
    const { other, programmeId, actor } = await setup();
    expect(
      (
        await addMember(
          ctx.db,
          actor,
          programmeId,
          { email: other.email.toUpperCase(), role: 'viewer' },
          null
        )
      ).ok
    ).toBe(true);
    expect(
      await addMember(ctx.db, actor, programmeId, { email: other.email, role: 'editor' }, null)
    ).toMatchObject({ ok: false, field: 'email' });
    expect(
      await addMember(
        ctx.db,
        actor,
        programmeId,
        { email: 'nobody@council.example', role: 'viewer' },
        null
      )
    ).toMatchObject({ ok: false, field: 'email' });
    expect((await listMembers(ctx.db, programmeId)).map((m) => m.role).sort()).toEqual([
      'owner',
      'viewer'
    ]);
  });

  it('audits a role change with before and after', async () => {
    const { other, programmeId, actor } = await setup();
    await addMember(
      ctx.db,
      actor,
      programmeId,
      { email: other.email, role: 'viewer' },
      '192.0.2.7'
    );
    expect(
      (await changeMemberRole(ctx.db, actor, programmeId, other.id, 'editor', '192.0.2.7')).ok
    ).toBe(true);
    const events = await ctx.db.select().from(auditEvents).orderBy(asc(auditEvents.id));
    expect(events.at(-1)).toMatchObject({
      action: 'role_changed',
      userId: actor.id,
      programmeId,
      entityId: other.id,
      before: { role: 'viewer' },
      after: { role: 'editor' },
      ipAddress: '192.0.2.7'
    });
  });

  it('never leaves a programme without an owner', async () => {
    const { owner, other, programmeId, actor } = await setup();
    expect(
      await changeMemberRole(ctx.db, actor, programmeId, owner.id, 'viewer', null)
    ).toMatchObject({ ok: false });
    expect(await removeMember(ctx.db, actor, programmeId, owner.id, null)).toMatchObject({
      ok: false
    });
    await addMember(ctx.db, actor, programmeId, { email: other.email, role: 'owner' }, null);
    expect((await removeMember(ctx.db, actor, programmeId, owner.id, null)).ok).toBe(true);
    expect((await listMembers(ctx.db, programmeId)).map((m) => m.userId)).toEqual([other.id]);
  });
});
