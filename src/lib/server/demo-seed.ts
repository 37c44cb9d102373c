import { count, eq, sql } from 'drizzle-orm';
import { buildDemoProgramme, DEMO_EMAIL } from '#lib/domain/demo-programme.ts';
import { buildDemoRoadmap, type DemoRoadmap } from '#lib/domain/demo-roadmap.ts';
import { todayUtc } from '#lib/domain/dates.ts';
import type { Database, Transaction } from './db';
import {
  contractExtensionOptions,
  contracts,
  contractSystems,
  councils,
  demoCredentials,
  programmeMembers,
  programmes,
  roadmapDependencies,
  roadmapItemContracts,
  roadmapItems,
  roadmapItemSystems,
  roadmapMilestones,
  roadmapScenarios,
  serviceAreas,
  successions,
  systems,
  users
} from './db/schema';
import { recordAudit } from './audit';
import { insertDemoDayOne } from './checks/demo';
import { hashPassword } from './auth/passwords';
import { generatePassword } from './auth/tokens';

// Serialises seeding across app instances that share one Postgres.
const SEED_LOCK_KEY = 7_354_021_906;

export type SeedOutcome = 'seeded' | 'not-empty';

/**
 * On a database with no users, creates the demo account (a random password, an administrator
 * and owner of the demo programme) and the demo programme, in one transaction. A database
 * that already has users is left alone, so a second start never seeds twice.
 */
export async function seedDemoIfEmpty(db: Database, today = todayUtc()): Promise<SeedOutcome> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    const [row] = await tx.select({ n: count() }).from(users);
    if ((row?.n ?? 0) > 0) return 'not-empty';
    const password = generatePassword();
    const [user] = await tx
      .insert(users)
      .values({
        email: DEMO_EMAIL,
        displayName: 'Demo user',
        passwordHash: await hashPassword(password),
        isAdmin: true
      })
      .returning({ id: users.id });
    if (!user) throw new Error('Could not create the demo user.');
    await tx.insert(demoCredentials).values({ userId: user.id, initialPassword: password });
    await insertDemoProgramme(tx, user.id, today);
    return 'seeded';
  });
}

/** The line to print while the demo account still has its generated password. */
export async function demoSignInLine(db: Database): Promise<string | null> {
  const [row] = await db
    .select({ email: users.email, password: demoCredentials.initialPassword })
    .from(demoCredentials)
    .innerJoin(users, eq(users.id, demoCredentials.userId))
    .limit(1);
  return row ? `Demo sign-in: ${row.email} / ${row.password}` : null;
}

async function insertDemoProgramme(tx: Transaction, ownerId: string, today: string) {
  const demo = buildDemoProgramme(today);
  const [programme] = await tx
    .insert(programmes)
    .values({ name: demo.name, slug: demo.slug, area: demo.area, vestingDate: demo.vestingDate })
    .returning({ id: programmes.id });
  if (!programme) throw new Error('Could not create the demo programme.');
  const programmeId = programme.id;
  await tx.insert(programmeMembers).values({ programmeId, userId: ownerId, role: 'owner' });

  const councilRows = await tx
    .insert(councils)
    .values(
      demo.councils.map((c) => ({
        programmeId,
        name: c.name,
        role: c.role,
        kind: c.kind,
        gssCode: c.gssCode,
        website: c.website,
        m365Tenant: c.m365Tenant
      }))
    )
    .returning({ id: councils.id, name: councils.name });
  const councilId = idLookup(demo.councils, councilRows, 'council');
  await tx.insert(successions).values(
    demo.councils.flatMap((c) =>
      c.succeededBy.map((successor) => ({
        predecessorId: councilId(c.key),
        successorId: councilId(successor)
      }))
    )
  );

  const areaRows = await tx
    .insert(serviceAreas)
    .values(demo.serviceAreas.map((a) => ({ programmeId, ...a })))
    .returning({ id: serviceAreas.id, name: serviceAreas.name });
  const areaId = new Map(areaRows.map((a) => [a.name, a.id]));

  const systemRows = await tx
    .insert(systems)
    .values(
      demo.systems.map((s) => ({
        programmeId,
        councilId: councilId(s.council),
        serviceAreaId: areaId.get(s.serviceArea) ?? null,
        name: s.name,
        product: s.product,
        vendor: s.vendor,
        hosting: s.hosting,
        users: s.users,
        annualCostPence: s.annualCostPence,
        timeDisposition: s.timeDisposition,
        dayOneCritical: s.dayOneCritical
      }))
    )
    .returning({ id: systems.id });
  const systemId = new Map(demo.systems.map((s, i) => [s.key, systemRows[i]!.id]));

  const contractId = new Map<string, string>();
  for (const c of demo.contracts) {
    const [row] = await tx
      .insert(contracts)
      .values({
        programmeId,
        councilId: councilId(c.council),
        reference: c.reference,
        title: c.title,
        supplierName: c.supplierName,
        department: c.department,
        startDate: c.startDate,
        endDate: c.endDate,
        noticePeriodValue: c.noticePeriodValue,
        noticePeriodUnit: c.noticePeriodUnit,
        annualValuePence: c.annualValuePence
      })
      .returning({ id: contracts.id });
    if (!row) throw new Error(`Could not create contract ${c.reference}.`);
    contractId.set(c.reference, row.id);
    if (c.extensionMonths.length > 0) {
      await tx.insert(contractExtensionOptions).values(
        c.extensionMonths.map((lengthMonths, position) => ({
          contractId: row.id,
          position,
          lengthMonths,
          exercised: position < (c.exercisedOptions ?? 0)
        }))
      );
    }
    const linked = c.systems.map((key) => systemId.get(key)).filter((id) => id !== undefined);
    if (linked.length > 0) {
      await tx
        .insert(contractSystems)
        .values(linked.map((id) => ({ contractId: row.id, systemId: id })));
    }
  }

  await insertDemoDayOne(tx, programmeId, demo.vestingDate, councilId, (key) => systemId.get(key));
  await insertDemoRoadmap(tx, programmeId, demo.vestingDate, {
    area: (name) => areaId.get(name) ?? null,
    system: (key) => systemId.get(key),
    contract: (reference) => contractId.get(reference)
  });

  await recordAudit(tx, {
    userId: ownerId,
    programmeId,
    entity: 'programme',
    entityId: programmeId,
    action: 'seed_demo',
    after: { name: demo.name, vestingDate: demo.vestingDate }
  });
}

interface DemoIds {
  area: (name: string) => string | null;
  system: (key: string) => string | undefined;
  contract: (reference: string) => string | undefined;
}

/**
 * The demo's roadmap: the current scenario (items, dependencies, links and milestones) and a
 * draft of only its first five years.
 */
async function insertDemoRoadmap(
  tx: Transaction,
  programmeId: string,
  vestingDate: string,
  ids: DemoIds
) {
  const roadmap = buildDemoRoadmap(vestingDate);
  await insertDemoScenario(tx, programmeId, roadmap.scenarioName, true, roadmap, ids);
  const keys = new Set(roadmap.draft.itemKeys);
  await insertDemoScenario(
    tx,
    programmeId,
    roadmap.draft.scenarioName,
    false,
    {
      items: roadmap.items
        .filter((i) => keys.has(i.key))
        .map((i) => ({ ...i, dependsOn: i.dependsOn.filter((k) => keys.has(k)) })),
      milestones: roadmap.milestones
    },
    ids
  );
}

async function insertDemoScenario(
  tx: Transaction,
  programmeId: string,
  name: string,
  isCurrent: boolean,
  roadmap: Pick<DemoRoadmap, 'items' | 'milestones'>,
  ids: DemoIds
) {
  const [scenario] = await tx
    .insert(roadmapScenarios)
    .values({ programmeId, name, isCurrent })
    .returning({ id: roadmapScenarios.id });
  const scenarioId = scenario!.id;
  const rows = await tx
    .insert(roadmapItems)
    .values(
      roadmap.items.map((i) => ({
        programmeId,
        scenarioId,
        kind: i.kind,
        title: i.title,
        serviceAreaId: ids.area(i.serviceArea),
        status: i.status,
        size: i.size,
        owner: i.owner,
        startDate: i.startDate,
        alphaStart: i.alphaStart,
        betaStart: i.betaStart,
        liveStart: i.liveStart,
        endDate: i.endDate
      }))
    )
    .returning({ id: roadmapItems.id });
  const itemId = new Map(roadmap.items.map((i, n) => [i.key, rows[n]!.id]));
  const defined = <T>(v: T | undefined): v is T => v !== undefined;
  const dependencies = roadmap.items.flatMap((i) =>
    i.dependsOn.map((key) => ({ predecessorId: itemId.get(key)!, successorId: itemId.get(i.key)! }))
  );
  const contractLinks = roadmap.items.flatMap((i) =>
    i.contracts
      .map(ids.contract)
      .filter(defined)
      .map((contractId) => ({ itemId: itemId.get(i.key)!, contractId }))
  );
  const systemLinks = roadmap.items.flatMap((i) =>
    i.systems
      .map(ids.system)
      .filter(defined)
      .map((systemId) => ({ itemId: itemId.get(i.key)!, systemId }))
  );
  if (dependencies.length) await tx.insert(roadmapDependencies).values(dependencies);
  if (contractLinks.length) await tx.insert(roadmapItemContracts).values(contractLinks);
  if (systemLinks.length) await tx.insert(roadmapItemSystems).values(systemLinks);
  await tx
    .insert(roadmapMilestones)
    .values(roadmap.milestones.map((m) => ({ scenarioId, name: m.name, date: m.date })));
}

function idLookup(
  councilsInDemo: { key: string; name: string }[],
  rows: { id: string; name: string }[],
  what: string
) {
  const byName = new Map(rows.map((r) => [r.name, r.id]));
  const byKey = new Map(councilsInDemo.map((c) => [c.key, byName.get(c.name)]));
  return (key: string): string => {
    const id = byKey.get(key);
    if (!id) throw new Error(`Demo data names an unknown ${what}: ${key}`);
    return id;
  };
}
