import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import {
  auditEvents,
  contractExtensionOptions,
  contracts,
  contractSystems,
  roadmapDependencies,
  roadmapItemContracts,
  roadmapItems,
  roadmapScenarios,
  serviceAreas,
  systems
} from '#lib/server/db/schema/index.ts';
import { FIELD } from '#lib/schemas/planner.ts';
import { describeEachDriver } from './harness';
import { startTestApp, type TestApp } from './app';
import { createRoadmapFixtures } from './factories/roadmap';
import { acceptForm } from './factories/planner';

describeEachDriver('proposing a roadmap', (ctx) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(ctx.handle);
  });

  /** The matrix programme with two service areas, each tied by a contract through a system. */
  async function setUp() {
    const r = await createRoadmapFixtures(ctx.db);
    const [second] = await ctx.db
      .insert(serviceAreas)
      .values({ programmeId: r.programmeId, name: 'Waste', category: 'service', priority: 1 })
      .returning({ id: serviceAreas.id });
    await ctx.db
      .update(systems)
      .set({ serviceAreaId: r.f.serviceAreaId })
      .where(eq(systems.id, r.f.systemId));
    const [wasteSystem] = await ctx.db
      .insert(systems)
      .values({
        programmeId: r.programmeId,
        councilId: r.f.councilId,
        name: 'Waste system',
        serviceAreaId: second!.id
      })
      .returning({ id: systems.id });
    const [wasteContract] = await ctx.db
      .insert(contracts)
      .values({
        programmeId: r.programmeId,
        councilId: r.f.councilId,
        reference: 'WS-1',
        title: 'Waste collection software',
        supplierName: 'Bins Ltd',
        endDate: '2031-03-31'
      })
      .returning({ id: contracts.id });
    await ctx.db
      .insert(contractExtensionOptions)
      .values({ contractId: wasteContract!.id, position: 0, lengthMonths: 12 });
    await ctx.db.insert(contractSystems).values([
      { contractId: wasteContract!.id, systemId: wasteSystem!.id },
      { contractId: r.f.contractId, systemId: r.f.systemId }
    ]);
    // The matrix contract ends before vesting day: day one's problem, so it ties nothing.
    return { ...r, wasteAreaId: second!.id, wasteContractId: wasteContract!.id };
  }

  const itemsOf = (scenarioId: string) =>
    ctx.db.select().from(roadmapItems).where(eq(roadmapItems.scenarioId, scenarioId));
  const proposedScenarios = (programmeId: string) =>
    ctx.db
      .select()
      .from(roadmapScenarios)
      .where(
        and(eq(roadmapScenarios.programmeId, programmeId), eq(roadmapScenarios.isCurrent, false))
      );

  it('shows a viewer the proposal and its costs, without the accept form', async () => {
    const r = await setUp();
    const response = await app.get(`${r.base}/propose`, { cookie: r.viewer });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<title>Propose a roadmap – Matrix programme – Vesting Day</title>');
    expect(page).toContain('Cost of the plans');
    expect(page).toContain('Why each redesign sits where it does');
    expect(page).toContain('WS-1: ends 31 March 2031, 31 March 2032 with its options');
    expect(page).not.toContain('Accept as a new scenario');
  });

  it('reports a value that makes no sense and keeps its default', async () => {
    const r = await setUp();
    const response = await app.get(
      `${r.base}/propose?planned=1&${FIELD.include(r.wasteAreaId)}=yes&${FIELD.priority(r.wasteAreaId)}=9`,
      { cookie: r.viewer }
    );
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<title>Error: Propose a roadmap');
    expect(page).toContain('Choose a priority from 1 to 5');
  });

  it('accepts the proposal as a new scenario in one transaction, with its audit event', async () => {
    const r = await setUp();
    const form = await acceptForm(ctx.db, r.f.programmeSlug);
    const response = await app.post(`${r.base}/propose?/accept`, form, { cookie: r.editor });
    expect(response.status).toBe(303);
    const [scenario] = await proposedScenarios(r.programmeId);
    expect(response.headers.get('location')).toBe(`${r.base}?scenario=${scenario!.id}&proposed=2`);
    expect(scenario).toMatchObject({ name: 'Proposed plan', isCurrent: false });
    const items = await itemsOf(scenario!.id);
    expect(items).toHaveLength(2);
    const waste = items.find((i) => i.serviceAreaId === r.wasteAreaId)!;
    expect(waste).toMatchObject({ title: 'Waste redesign', kind: 'redesign', status: 'proposed' });
    // Go-live a month before the contract's current end: its option is not needed.
    expect(waste.liveStart).toBe('2031-03-01');
    expect(waste.notes).toContain('go-live aimed at its contracts’ end');
    expect(
      await ctx.db
        .select()
        .from(roadmapItemContracts)
        .where(eq(roadmapItemContracts.itemId, waste.id))
    ).toEqual([{ itemId: waste.id, contractId: r.wasteContractId }]);
    const events = await ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'roadmap_scenario_proposed'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entityId: scenario!.id, userId: r.f.users.editor.id });
    // The current plan is untouched.
    const [current] = await ctx.db
      .select()
      .from(roadmapScenarios)
      .where(eq(roadmapScenarios.id, r.f.scenarioId));
    expect(current).toMatchObject({ isCurrent: true, version: 1 });
    expect(await itemsOf(r.f.scenarioId)).toHaveLength(1);
    const roadmap = await (
      await app.get(response.headers.get('location')!, { cookie: r.editor })
    ).text();
    expect(roadmap).toContain('Proposal saved as a new scenario');
    expect(roadmap).toContain('Waste redesign');
  });

  it('keeps the dependencies chosen, and says why a redesign starts early', async () => {
    const r = await setUp();
    const form = await acceptForm(ctx.db, r.f.programmeSlug, {}, [
      `${r.wasteAreaId}~${r.f.serviceAreaId}`
    ]);
    const response = await app.post(`${r.base}/propose?/accept`, form, { cookie: r.editor });
    expect(response.status).toBe(303);
    const [scenario] = await proposedScenarios(r.programmeId);
    const items = await itemsOf(scenario!.id);
    const waste = items.find((i) => i.serviceAreaId === r.wasteAreaId)!;
    const matrix = items.find((i) => i.serviceAreaId === r.f.serviceAreaId)!;
    expect(matrix.startDate >= waste.endDate).toBe(true);
    // Waiting for Waste's contract window would hold Matrix area back more than it saves.
    expect(waste.startDate).toBe('2029-04-01');
    expect(waste.notes).toContain('starts early: Matrix area waits for it');
    expect(
      await ctx.db
        .select()
        .from(roadmapDependencies)
        .where(eq(roadmapDependencies.successorId, matrix.id))
    ).toEqual([{ predecessorId: waste.id, successorId: matrix.id }]);
  });

  it('refuses a proposal drawn from data that has changed since, and writes nothing', async () => {
    const r = await setUp();
    const form = await acceptForm(ctx.db, r.f.programmeSlug);
    await ctx.db
      .update(contracts)
      .set({ endDate: '2033-03-31' })
      .where(eq(contracts.id, r.wasteContractId));
    const response = await app.post(`${r.base}/propose?/accept`, form, { cookie: r.editor });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('changed since this proposal was drawn');
    expect(await proposedScenarios(r.programmeId)).toEqual([]);
  });

  it('refuses a bad name or input with a message, and never lets a viewer accept', async () => {
    const r = await setUp();
    const noName = await acceptForm(ctx.db, r.f.programmeSlug, { name: '  ' });
    const a = await app.post(`${r.base}/propose?/accept`, noName, { cookie: r.editor });
    expect(a.status).toBe(400);
    expect(await a.text()).toContain('Enter a name for the new scenario');
    const badSize = await acceptForm(ctx.db, r.f.programmeSlug, {
      [FIELD.size(r.wasteAreaId)]: 'huge'
    });
    const b = await app.post(`${r.base}/propose?/accept`, badSize, { cookie: r.editor });
    expect(b.status).toBe(400);
    const asViewer = await acceptForm(ctx.db, r.f.programmeSlug);
    const c = await app.post(`${r.base}/propose?/accept`, asViewer, { cookie: r.viewer });
    expect(c.status).toBe(403);
    expect(await proposedScenarios(r.programmeId)).toEqual([]);
  });
});
