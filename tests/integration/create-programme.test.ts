import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { pastReorganisations } from '#lib/domain/register/index.ts';
import { templateFromReorganisation } from '#lib/domain/programme-templates.ts';
import { STANDARD_SERVICE_AREAS } from '#lib/domain/service-areas.ts';
import { createProgramme } from '#lib/server/programmes/create.ts';
import {
  auditEvents,
  councils,
  programmeMembers,
  programmes,
  serviceAreas,
  successions
} from '#lib/server/db/schema/index.ts';
import { describeEachDriver } from './harness';
import { createUser } from './factories/users';

describeEachDriver('creating programmes', (ctx) => {
  async function actor() {
    const u = await createUser(ctx.db);
    return { id: u.id, email: u.email, displayName: u.displayName, isAdmin: false };
  }

  it('from each past reorganisation in the register, with exactly its predecessor → successor mapping', async () => {
    const owner = await actor();
    const reorganisations = pastReorganisations();
    expect(reorganisations.flatMap((r) => r.successors)).toHaveLength(12);
    for (const r of reorganisations) {
      const { id } = await createProgramme(
        ctx.db,
        owner,
        {
          name: r.name,
          area: r.name,
          vestingDate: r.vestingDate,
          ...templateFromReorganisation(r),
          source: `example:${r.id}`
        },
        null
      );
      const rows = await ctx.db
        .select({
          id: councils.id,
          name: councils.name,
          gss: councils.gssCode,
          role: councils.role
        })
        .from(councils)
        .where(eq(councils.programmeId, id));
      const nameOf = new Map(rows.map((c) => [c.id, c.name]));
      const links = await ctx.db
        .select({ p: successions.predecessorId, s: successions.successorId })
        .from(successions)
        .innerJoin(councils, eq(councils.id, successions.predecessorId))
        .where(eq(councils.programmeId, id));
      const byCode = new Map([...r.predecessors, ...r.successors].map((c) => [c.code, c.name]));
      const expected = r.links
        .map((l) => `${byCode.get(l.predecessor)} → ${byCode.get(l.successor)}`)
        .sort();
      expect(links.map((l) => `${nameOf.get(l.p)} → ${nameOf.get(l.s)}`).sort(), r.id).toEqual(
        expected
      );
      expect(
        rows
          .filter((c) => c.role === 'successor')
          .map((c) => c.name)
          .sort(),
        r.id
      ).toEqual(r.successors.map((c) => c.name).sort());
    }
  });

  it('makes the creator owner, adds the standard service areas and audits it, in one go', async () => {
    const owner = await actor();
    const { id, slug } = await createProgramme(
      ctx.db,
      owner,
      {
        name: 'Blank one',
        area: '',
        vestingDate: '2028-04-01',
        councils: [],
        links: [],
        source: 'blank'
      },
      '192.0.2.8'
    );
    expect(slug).toBe('blank-one');
    expect(
      await ctx.db.select().from(programmeMembers).where(eq(programmeMembers.programmeId, id))
    ).toMatchObject([{ userId: owner.id, role: 'owner' }]);
    expect(
      await ctx.db.select().from(serviceAreas).where(eq(serviceAreas.programmeId, id))
    ).toHaveLength(STANDARD_SERVICE_AREAS.length);
    const [event] = await ctx.db.select().from(auditEvents).where(eq(auditEvents.programmeId, id));
    expect(event).toMatchObject({
      action: 'programme_created',
      userId: owner.id,
      ipAddress: '192.0.2.8'
    });
    const second = await createProgramme(
      ctx.db,
      owner,
      {
        name: 'Blank one',
        area: '',
        vestingDate: '2028-04-01',
        councils: [],
        links: [],
        source: 'blank'
      },
      null
    );
    expect(second.slug).toBe('blank-one-2');
  });

  it('writes nothing when a link names an unknown council', async () => {
    const owner = await actor();
    await expect(
      createProgramme(
        ctx.db,
        owner,
        {
          name: 'Broken',
          area: '',
          vestingDate: '2028-04-01',
          councils: [{ key: 'a', name: 'A', role: 'predecessor', kind: 'district', gssCode: null }],
          links: [{ predecessor: 'a', successor: 'missing' }],
          source: 'blank'
        },
        null
      )
    ).rejects.toThrow(/unknown council/);
    expect(await ctx.db.select().from(programmes)).toHaveLength(0);
  });
});
