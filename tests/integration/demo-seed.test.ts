import { count, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { buildDemoProgramme, DEMO_EMAIL } from '#lib/domain/demo-programme.ts';
import { buildDemoRoadmap } from '#lib/domain/demo-roadmap.ts';
import { evaluateRoadmap, type RoadmapRule } from '#lib/domain/roadmap/index.ts';
import { listScenarios, loadRoadmap } from '#lib/server/roadmap/index.ts';
import { signIn } from '#lib/server/auth/sign-in.ts';
import {
  councils,
  contracts,
  demoCredentials,
  programmes,
  roadmapDependencies,
  roadmapItemContracts,
  roadmapItems,
  roadmapScenarios,
  systems,
  users
} from '#lib/server/db/schema/index.ts';
import { councilOverview, listProgrammesForUser } from '#lib/server/db/queries/programmes.ts';
import { demoSignInLine, seedDemoIfEmpty } from '#lib/server/demo-seed.ts';
import { describeEachDriver } from './harness';
import { createUser } from './factories/users';

const TODAY = '2026-11-27';

describeEachDriver('demo seed', (ctx) => {
  it('seeds the demo programme and an account that can sign in with the printed password', async () => {
    expect(await seedDemoIfEmpty(ctx.db, TODAY)).toBe('seeded');
    const line = await demoSignInLine(ctx.db);
    const match = /^Demo sign-in: (\S+) \/ ([a-z2-7]{20})$/.exec(line ?? '');
    expect(match?.[1]).toBe(DEMO_EMAIL);
    const result = await signIn(ctx.db, match![1]!, match![2]!);
    expect(result.ok).toBe(true);
  });

  it('seeds once: a second start changes nothing', async () => {
    await seedDemoIfEmpty(ctx.db, TODAY);
    const before = await tableCounts();
    expect(await seedDemoIfEmpty(ctx.db, TODAY)).toBe('not-empty');
    expect(await tableCounts()).toEqual(before);
  });

  it('does not seed a database that already has users', async () => {
    await createUser(ctx.db);
    expect(await seedDemoIfEmpty(ctx.db, TODAY)).toBe('not-empty');
    expect(await demoSignInLine(ctx.db)).toBeNull();
  });

  it('gives the demo user the programme with every predecessor assigned a successor', async () => {
    await seedDemoIfEmpty(ctx.db, TODAY);
    const [demo] = await ctx.db.select().from(users).where(eq(users.email, DEMO_EMAIL));
    const list = await listProgrammesForUser(ctx.db, demo!.id);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ role: 'owner', vestingDate: '2028-04-01' });
    const overview = await councilOverview(ctx.db, list[0]!.id);
    const expected = buildDemoProgramme(TODAY);
    expect(overview).toHaveLength(expected.councils.length);
    const nameOf = new Map(overview.map((c) => [c.id, c.name]));
    for (const council of expected.councils) {
      const row = overview.find((c) => c.name === council.name)!;
      const successorKeys = council.succeededBy.map(
        (key) => expected.councils.find((c) => c.key === key)!.name
      );
      expect(row.successorIds.map((id) => nameOf.get(id)).sort()).toEqual(successorKeys.sort());
    }
    const county = overview.find((c) => c.name === 'Thornshire County Council')!;
    expect(county.systemCount).toBe(
      expected.systems.filter((s) => s.council === 'thornshire').length
    );
    expect(county.contractCount).toBe(
      expected.contracts.filter((c) => c.council === 'thornshire').length
    );
  });

  it('shows another user none of the demo programme', async () => {
    await seedDemoIfEmpty(ctx.db, TODAY);
    const other = await createUser(ctx.db);
    expect(await listProgrammesForUser(ctx.db, other.id)).toEqual([]);
  });

  async function tableCounts() {
    const out: Record<string, number> = {};
    for (const [name, table] of Object.entries({
      users,
      councils,
      systems,
      contracts,
      demoCredentials
    })) {
      const [row] = await ctx.db.select({ n: count() }).from(table);
      out[name] = row?.n ?? 0;
    }
    return out;
  }
});

describeEachDriver('demo seed: the roadmap', (ctx) => {
  it('gives the demo programme a current scenario with its items, dependencies and links', async () => {
    await seedDemoIfEmpty(ctx.db, TODAY);
    const scenarios = await ctx.db.select().from(roadmapScenarios);
    expect(scenarios.filter((s) => s.isCurrent)).toHaveLength(1);
    const expected = buildDemoRoadmap(buildDemoProgramme(TODAY).vestingDate);
    const current = scenarios.find((s) => s.isCurrent)!;
    const items = await ctx.db
      .select()
      .from(roadmapItems)
      .where(eq(roadmapItems.scenarioId, current.id));
    expect(items.map((i) => i.title).sort()).toEqual(expected.items.map((i) => i.title).sort());
    expect(items.every((i) => i.serviceAreaId !== null)).toBe(true);
    const [deps] = await ctx.db
      .select({ n: count() })
      .from(roadmapDependencies)
      .innerJoin(roadmapItems, eq(roadmapItems.id, roadmapDependencies.successorId))
      .where(eq(roadmapItems.scenarioId, current.id));
    expect(deps!.n).toBe(expected.items.flatMap((i) => i.dependsOn).length);
    const [links] = await ctx.db
      .select({ n: count() })
      .from(roadmapItemContracts)
      .innerJoin(roadmapItems, eq(roadmapItems.id, roadmapItemContracts.itemId))
      .where(eq(roadmapItems.scenarioId, current.id));
    expect(links!.n).toBe(expected.items.flatMap((i) => i.contracts).length);
  });

  it('raises a warning of every kind: the decade plan all but one, its five-year draft the last', async () => {
    await seedDemoIfEmpty(ctx.db, TODAY);
    const [programme] = await ctx.db.select().from(programmes);
    const rulesOf = async (isCurrent: boolean) => {
      const [scenario] = (await listScenarios(ctx.db, programme!.id)).filter(
        (s) => s.isCurrent === isCurrent
      );
      const loaded = await loadRoadmap(ctx.db, programme!, scenario!);
      return new Set(evaluateRoadmap(loaded.plan).map((w) => w.rule));
    };
    const current = await rulesOf(true);
    expect([...current].sort()).toEqual(
      [
        'bridging',
        'capacity',
        'cycle',
        'dependency',
        'paying-twice',
        'stabilisation',
        'unreached-area'
      ].sort()
    );
    // The decade plan reaches its horizon; the draft stops years short of it.
    expect(current.has('horizon')).toBe(false);
    const draft = await rulesOf(false);
    expect(draft.has('horizon')).toBe(true);
    const every: RoadmapRule[] = [
      'capacity',
      'dependency',
      'stabilisation',
      'unreached-area',
      'horizon',
      'paying-twice',
      'bridging',
      'cycle'
    ];
    expect(every.filter((rule) => !current.has(rule) && !draft.has(rule))).toEqual([]);
  });
});
