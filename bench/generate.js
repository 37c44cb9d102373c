// Scale generator: deterministic synthetic programmes loaded through the product's own code.
//
//   small   about the demo's size: 4 predecessors, 1 successor, 150 systems, 300 contracts,
//           12 service areas, 20 roadmap items, 15 dependencies
//   county  8 predecessors (a county and its districts), 2 successors, 2,000 systems,
//           5,000 contracts, 40 service areas, 120 roadmap items, 150 dependencies
//   large   15 predecessors, 5 successors, 6,000 systems, 15,000 contracts, 60 service areas,
//           300 roadmap items, 400 dependencies
//
// How it loads (the cheapest faithful path):
//   1. a programme backup file ("vesting-day-backup" version 1) is built in memory, read with
//      the product's `readBackup` (schema and cross-record checks) and written with
//      `restoreProgramme`, exactly as the "Restore from a backup" page does: one transaction,
//      batched inserts, one audit event;
//   2. the roadmap (backups do not carry it) is added by a batched insert in one transaction:
//      the current scenario through the product's `ensureCurrentScenario` (audited as the app
//      does), then items, their systems and contracts, and dependencies as multi-row inserts.
//      Going through the item form's server function 300 times would time the generator,
//      not the product.
// A seeded PRNG (mulberry32) makes the same size give the same data every time; only database
// ids (random UUIDs, as in the product) and the session token differ between runs.
//
// Usage: node bench/generate.js <small|county|large> [--database-url=postgres://…]
//        [--data-dir=folder]   (default: DATABASE_URL, else the PGlite folder ./data)
//        [--items=N [--dependencies=N] [--contract-links=N]]   a roadmap of N items instead
//        (dependencies and contract links default to N; links go to contracts with an end date)
// Prints the programme's slug and a session cookie for its owner (for benchmarks).
import { pathToFileURL } from 'node:url';
import { loadBundle, pad, random } from './support/common.js';

export const SIZES = {
  small: {
    predecessors: 4,
    successors: 1,
    systems: 150,
    contracts: 300,
    serviceAreas: 12,
    items: 20,
    dependencies: 15
  },
  county: {
    predecessors: 8,
    successors: 2,
    systems: 2_000,
    contracts: 5_000,
    serviceAreas: 40,
    items: 120,
    dependencies: 150
  },
  large: {
    predecessors: 15,
    successors: 5,
    systems: 6_000,
    contracts: 15_000,
    serviceAreas: 60,
    items: 300,
    dependencies: 400
  }
};

/** The server code the generator calls, bundled from TypeScript. */
function loadProduct() {
  return loadBundle(
    'generate-product',
    [
      `export { connectDatabase } from './src/lib/server/db/client.ts';`,
      `export { readBackup } from './src/lib/schemas/backup.ts';`,
      `export { restoreProgramme } from './src/lib/server/export/restore.ts';`,
      `export { backupParts } from './src/lib/server/export/restore-batches.ts';`,
      `export { ensureCurrentScenario } from './src/lib/server/roadmap/scenarios.ts';`,
      `export { createSession } from './src/lib/server/auth/sessions.ts';`,
      `export * as schema from './src/lib/server/db/schema/index.ts';`
    ].join('\n'),
    { external: true }
  );
}

const iso = (d) => d.toISOString().slice(0, 10);
const addDays = (date, days) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
};

/** The backup file for a size: the same bytes for the same size, every time. */
export function backupFor(sizeName) {
  const size = SIZES[sizeName];
  if (!size) throw new Error(`Unknown size "${sizeName}": small, county or large.`);
  const rand = random(20280401 + sizeName.length);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const between = (min, max) => min + Math.floor(rand() * (max - min + 1));
  const date = (fromYear, years) =>
    `${fromYear + Math.floor(rand() * years)}-${pad(between(1, 12))}-${pad(between(1, 28))}`;

  const successors = Array.from({ length: size.successors }, (_, i) => ({
    name: `New Council ${String.fromCharCode(65 + i)}`,
    role: 'successor',
    kind: 'unitary'
  }));
  const predecessors = Array.from({ length: size.predecessors }, (_, i) => ({
    name: `Predecessor Council ${pad(i + 1)}`,
    role: 'predecessor',
    kind: i === 0 ? 'county' : 'district'
  }));
  // Keys follow the backup's own rule: councils sorted by name.
  const councils = [...predecessors, ...successors]
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((c, i) => ({
      key: `council-${i + 1}`,
      name: c.name,
      role: c.role,
      kind: c.kind,
      gssCode: `E0${6000000 + i}`,
      website: `https://www.council-${i + 1}.gov.example`,
      m365Tenant: c.role === 'successor' ? `council${i + 1}.onmicrosoft.com` : null
    }));
  const preds = councils.filter((c) => c.role === 'predecessor');
  const succs = councils.filter((c) => c.role === 'successor');
  // The county splits between every successor; each district goes to one.
  const successions = preds.flatMap((p, i) =>
    p.kind === 'county'
      ? succs.map((s) => ({ predecessor: p.key, successor: s.key, note: null }))
      : [{ predecessor: p.key, successor: succs[i % succs.length].key, note: null }]
  );
  const serviceAreas = Array.from({ length: size.serviceAreas }, (_, i) => ({
    key: `area-${i + 1}`,
    name: `Service area ${String(i + 1).padStart(3, '0')}`,
    category: i % 6 === 5 ? 'foundation' : 'service',
    priority: between(1, 5)
  }));
  const vendors = Array.from({ length: 120 }, (_, i) => `Vendor ${i + 1} Ltd`);
  const systems = Array.from({ length: size.systems }, (_, i) => ({
    key: `system-${i + 1}`,
    council: preds[i % preds.length].key,
    serviceArea: rand() < 0.03 ? null : serviceAreas[i % serviceAreas.length].key,
    name: `System ${String(i + 1).padStart(5, '0')}`,
    product: `Product ${between(1, 400)}`,
    vendor: pick(vendors),
    hosting: pick(['on_premises', 'hosted', 'saas']),
    users: between(1, 3000),
    annualCostPence: between(1_000, 500_000) * 100,
    lifecycle: pick(['current', 'supported', 'end of life']),
    timeDisposition: pick(['tolerate', 'invest', 'migrate', 'eliminate', null]),
    dayOneCritical: rand() < 0.1
  }));
  const treatments = ['undecided', 'extend', 'transfer', 'novate', 'reprocure', 'expire'];
  const contracts = Array.from({ length: size.contracts }, (_, i) => {
    const council = preds[i % preds.length];
    const startDate = date(2018, 7);
    const endDate = rand() < 0.02 ? null : date(2026, 6);
    const annual = between(500, 2_000_000) * 100;
    const options = Array.from({ length: between(0, 2) }, () => ({
      lengthMonths: pick([6, 12, 24]),
      exercised: rand() < 0.3
    }));
    const covered = new Set();
    const links = between(0, 2);
    for (let k = 0; k < links; k++) {
      // A system of the same council: systems are dealt to councils in turn.
      const n = Math.floor(rand() * Math.floor(size.systems / preds.length));
      covered.add(n * preds.length + (i % preds.length));
    }
    return {
      council: council.key,
      reference: `C-${String(i + 1).padStart(6, '0')}`,
      title: `Contract for service ${i + 1}`,
      description: null,
      department: pick(['Environment', 'Finance', 'Adults', 'Children', 'Housing', 'Highways']),
      supplierName: `Supplier ${between(1, 900)} Ltd`,
      supplierCompanyNumber: null,
      startDate,
      endDate,
      reviewDate: null,
      noticePeriodValue: rand() < 0.8 ? between(1, 6) : null,
      noticePeriodUnit: 'months',
      maxEndDate: null,
      annualValuePence: annual,
      totalValuePence: annual * 5,
      lgrTreatment: pick(treatments),
      decisionDate: null,
      decisionNotes: null,
      extensionOptions: options,
      systems: [...covered]
        .filter((n) => n < size.systems)
        .sort((a, b) => a - b)
        .map((n) => `system-${n + 1}`)
    };
  });
  return {
    format: 'vesting-day-backup',
    version: 1,
    programme: {
      name: `Bench ${sizeName}`,
      area: `A synthetic reorganisation (${sizeName})`,
      vestingDate: '2028-04-01',
      horizonYears: 10,
      capacity: 6,
      stabilisationMonths: 12
    },
    councils,
    successions,
    serviceAreas,
    systems,
    contracts
  };
}

/**
 * Roadmap items in backup order terms (indexes), dated around vesting day. `roadmap` replaces
 * the size's items and dependencies (the timeline benchmark's programmes): `items`,
 * `dependencies`, and `contractLinks` links to contracts that have an end date (`datedContracts`,
 * backup indexes), dealt round the items, so the timeline draws that many contract end markers.
 */
function roadmapFor(sizeName, roadmap = null, datedContracts = []) {
  const size = roadmap ? { ...SIZES[sizeName], ...roadmap } : SIZES[sizeName];
  const rand = random(1_2028_0401 + sizeName.length + (roadmap ? roadmap.items : 0));
  const between = (min, max) => min + Math.floor(rand() * (max - min + 1));
  const items = Array.from({ length: size.items }, (_, i) => {
    const start = addDays('2027-01-04', between(0, 365 * 8));
    const alpha = addDays(start, between(0, 90));
    const beta = addDays(alpha, between(30, 120));
    const live = addDays(beta, between(30, 180));
    const end = addDays(live, between(30, 180));
    return {
      index: i,
      kind: i % 6 === 5 ? 'foundation' : 'redesign',
      title: `Redesign ${String(i + 1).padStart(4, '0')}`,
      area: i % size.serviceAreas,
      successor: rand() < 0.3 ? null : between(0, size.successors - 1),
      status: ['proposed', 'planned', 'in_progress', 'paused', 'done'][between(0, 4)],
      size: ['s', 'm', 'l', 'xl'][between(0, 3)],
      dates: [start, alpha, beta, live, end],
      systems: [between(0, size.systems - 1), between(0, size.systems - 1)],
      contracts: [between(0, size.contracts - 1)]
    };
  });
  if (roadmap) {
    // Item i gets its share of the links: consecutive dated contracts from its own starting
    // point, so they are distinct (no item gets more links than there are dated contracts).
    const links = roadmap.contractLinks ?? size.items;
    if (datedContracts.length === 0) throw new Error('No contracts with an end date to link.');
    for (const it of items) {
      const share = Math.floor(links / size.items) + (it.index < links % size.items ? 1 : 0);
      it.contracts = Array.from(
        { length: Math.min(share, datedContracts.length) },
        (_, j) => datedContracts[(it.index * 31 + j) % datedContracts.length]
      );
    }
  }
  const dependencies = new Set();
  while (dependencies.size < size.dependencies) {
    const a = between(0, size.items - 1);
    const b = between(0, size.items - 1);
    // Always from a lower to a higher index, so the graph has no cycles.
    if (a !== b) dependencies.add(`${Math.min(a, b)}:${Math.max(a, b)}`);
  }
  return { items, dependencies: [...dependencies].map((d) => d.split(':').map(Number)) };
}

const BATCH = 1000;
async function insertInBatches(rows, insert) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/**
 * Creates the programme of `sizeName` in the database and returns its slug and a signed-in
 * session for its owner. `databaseUrl` (Postgres) or `dataDir` (PGlite folder). `roadmap`
 * ({ items, dependencies, contractLinks }) gives the programme that roadmap instead of the
 * size's own (see `roadmapFor`), and `name` names the programme.
 */
export async function generate(sizeName, { databaseUrl, dataDir, roadmap = null, name } = {}) {
  const product = await loadProduct();
  const { schema } = product;
  const handle = await product.connectDatabase({ databaseUrl, dataDir, maxConnections: 2 });
  try {
    const { db } = handle;
    const [owner] = await db
      .insert(schema.users)
      .values({
        email: `bench-${sizeName}-${Date.now()}@council.example`,
        displayName: `Bench owner (${sizeName})`,
        // Never matches a password: the benchmark signs in with a session row instead.
        passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$' + 'A'.repeat(43)
      })
      .returning({ id: schema.users.id });
    const actor = { id: owner.id };
    const file = backupFor(sizeName);
    if (name) file.programme.name = name;
    const text = JSON.stringify(file);
    const read = product.readBackup(text, Buffer.byteLength(text));
    if (!read.ok) throw new Error(`${read.message}\n${read.details.join('\n')}`);
    const { id: programmeId, slug } = await product.restoreProgramme(
      db,
      actor,
      product.backupParts(read.backup),
      {
        source: { fileName: `bench-${sizeName}.json`, sha256: '0'.repeat(64) },
        ipAddress: null
      }
    );

    // Ids by backup order: the restore made new ids, so read them back by their natural keys.
    const byName = (rows) => new Map(rows.map((r) => [r.name, r.id]));
    const { eq } = await import('drizzle-orm');
    const councilIds = byName(
      await db
        .select({ id: schema.councils.id, name: schema.councils.name })
        .from(schema.councils)
        .where(eq(schema.councils.programmeId, programmeId))
    );
    const areaIds = byName(
      await db
        .select({ id: schema.serviceAreas.id, name: schema.serviceAreas.name })
        .from(schema.serviceAreas)
        .where(eq(schema.serviceAreas.programmeId, programmeId))
    );
    const systemIds = byName(
      await db
        .select({ id: schema.systems.id, name: schema.systems.name })
        .from(schema.systems)
        .where(eq(schema.systems.programmeId, programmeId))
    );
    const contractIds = new Map(
      (
        await db
          .select({ id: schema.contracts.id, reference: schema.contracts.reference })
          .from(schema.contracts)
          .where(eq(schema.contracts.programmeId, programmeId))
      ).map((r) => [r.reference, r.id])
    );
    const backup = read.backup;
    const successorNames = backup.councils.filter((c) => c.role === 'successor').map((c) => c.name);
    const datedContracts = backup.contracts.flatMap((c, i) => (c.endDate ? [i] : []));
    const { items, dependencies } = roadmapFor(sizeName, roadmap, datedContracts);
    await db.transaction(async (tx) => {
      const scenarioId = await product.ensureCurrentScenario(tx, actor, programmeId, null);
      const itemIds = items.map(() => crypto.randomUUID());
      await insertInBatches(items, (batch) =>
        tx.insert(schema.roadmapItems).values(
          batch.map((it) => ({
            id: itemIds[it.index],
            programmeId,
            scenarioId,
            kind: it.kind,
            title: it.title,
            serviceAreaId: areaIds.get(backup.serviceAreas[it.area].name),
            councilId: it.successor === null ? null : councilIds.get(successorNames[it.successor]),
            status: it.status,
            size: it.size,
            startDate: it.dates[0],
            alphaStart: it.dates[1],
            betaStart: it.dates[2],
            liveStart: it.dates[3],
            endDate: it.dates[4]
          }))
        )
      );
      const itemSystems = items.flatMap((it) =>
        [...new Set(it.systems)].map((n) => ({
          itemId: itemIds[it.index],
          systemId: systemIds.get(backup.systems[n].name)
        }))
      );
      await insertInBatches(itemSystems, (batch) =>
        tx.insert(schema.roadmapItemSystems).values(batch)
      );
      const itemContracts = items.flatMap((it) =>
        it.contracts.map((n) => ({
          itemId: itemIds[it.index],
          contractId: contractIds.get(backup.contracts[n].reference)
        }))
      );
      await insertInBatches(itemContracts, (batch) =>
        tx.insert(schema.roadmapItemContracts).values(batch)
      );
      await insertInBatches(dependencies, (batch) =>
        tx
          .insert(schema.roadmapDependencies)
          .values(batch.map(([p, s]) => ({ predecessorId: itemIds[p], successorId: itemIds[s] })))
      );
    });
    const { token } = await product.createSession(db, owner.id);
    return { slug, programmeId, userId: owner.id, cookie: `vd_session=${token}` };
  } finally {
    await handle.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [sizeName = 'small'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const option = (name) =>
    process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const databaseUrl = option('database-url') ?? process.env.DATABASE_URL ?? undefined;
  const dataDir = option('data-dir') ?? (databaseUrl ? undefined : 'data');
  // --items=N [--dependencies=N] [--contract-links=N]: that roadmap instead of the size's own.
  const items = option('items');
  const roadmap = items
    ? {
        items: Number(items),
        dependencies: Number(option('dependencies') ?? items),
        contractLinks: Number(option('contract-links') ?? items)
      }
    : null;
  const started = Date.now();
  const result = await generate(sizeName, { databaseUrl, dataDir, roadmap });
  console.log(
    `Generated "${sizeName}" in ${((Date.now() - started) / 1000).toFixed(1)} s: /programmes/${result.slug}`
  );
  console.log(`Session cookie for its owner: ${result.cookie}`);
}
