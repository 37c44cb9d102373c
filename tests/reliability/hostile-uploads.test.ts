import { and, count, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backup } from '#lib/domain/export/backup.ts';
import { contracts, councils, programmes } from '#lib/server/db/schema/index.ts';
import { seedDemoIfEmpty } from '#lib/server/demo-seed.ts';
import { rowGapXlsx, whitespaceBombXlsx } from '../fixtures/xlsx';
import { throwawayDatabase, type ThrowawayDatabase } from './support/database';
import { peopleFor } from './support/people';
import { latencySummary, peakRssMb, startProber } from './support/prober';
import { contractRegister } from './support/register';
import { startServer, type RunningServer } from './support/server';
import { recordFigures } from './support/summary';

/**
 * Issue 20: no upload may stall or crash the server. Each hostile file is uploaded through
 * the real form to the production build on PostgreSQL while a prober asks /healthz every
 * 100 ms. Every file must be refused with its message (or, for the large valid ones, go
 * through); the server must never exit, never pass 1 GB of resident memory, and never take
 * more than a second to answer /healthz. The short run (CI) uses the same files: they are
 * the sizes of the issue, and the whole test takes a minute or two.
 */
const SLUG = 'thornshire-demo';
const MiB = 1024 * 1024;
const IMPORT_ROWS = 100_000;
const BACKUP_CONTRACTS = 35_000;
const MAX_HEALTHZ_MS = 1_000;
const MAX_RSS_MB = 1_024;

describe('hostile uploads against the built app (PostgreSQL)', () => {
  let database: ThrowawayDatabase;
  let server: RunningServer;
  let prober: ReturnType<typeof startProber>;
  let cookie: string;
  let councilId: string;
  let demoBackup: Backup;
  const figures: Record<string, string | number> = {};

  beforeAll(async () => {
    database = await throwawayDatabase();
    await seedDemoIfEmpty(database.handle.db);
    const [owner] = await peopleFor(database.handle.db, SLUG, 1, 'owner', 'uploader');
    cookie = owner!.cookie;
    const [programme] = await database.handle.db
      .select()
      .from(programmes)
      .where(eq(programmes.slug, SLUG));
    const [council] = await database.handle.db
      .select({ id: councils.id })
      .from(councils)
      .where(and(eq(councils.programmeId, programme!.id), eq(councils.role, 'predecessor')))
      .limit(1);
    councilId = council!.id;
    server = await startServer({ databaseUrl: database.url });
    // The demo's backup, taken before the import below adds 100,000 contracts to the demo.
    const source = await get(`/programmes/${SLUG}/export/backup`);
    expect(source.status).toBe(200);
    demoBackup = (await source.json()) as Backup;
    prober = startProber(server.baseURL);
  });

  afterAll(async () => {
    await prober?.stop();
    if (server) figures['server peak RSS (MB)'] = Math.round(peakRssMb(server.child.pid!));
    await server?.stop();
    await database?.drop();
    recordFigures('Hostile uploads: /healthz every 100 ms while each file is read', figures);
  });

  const post = (path: string, body: FormData | URLSearchParams) =>
    fetch(new URL(path, server.baseURL), {
      method: 'POST',
      headers: { cookie, origin: server.baseURL, accept: 'text/html' },
      body,
      redirect: 'manual'
    });
  const get = (path: string) =>
    fetch(new URL(path, server.baseURL), { headers: { cookie }, redirect: 'manual' });

  function upload(name: string, bytes: Buffer) {
    const form = new FormData();
    form.set('kind', 'contracts');
    form.set('councilId', councilId);
    form.set('file', new File([new Uint8Array(bytes)], name));
    return post(`/programmes/${SLUG}/import`, form);
  }

  /** Runs one file's round trip, then checks the prober's answers to questions sent meanwhile. */
  async function underProbe(label: string, work: () => Promise<void>) {
    const from = Date.now();
    await work();
    const to = Date.now();
    const samples = await prober.between(from, to);
    const { max, p99, count: answers } = latencySummary(samples);
    const rss = peakRssMb(server.child.pid!);
    figures[`${label}: seconds`] = Number(((to - from) / 1000).toFixed(1));
    figures[`${label}: /healthz answers, p99 / max (ms)`] =
      `${answers}, ${Math.round(p99)} / ${Math.round(max)}`;
    figures[`${label}: peak RSS so far (MB)`] = Math.round(rss);
    expect(server.child.exitCode, server.output()).toBeNull();
    expect(samples.filter((s) => s.status !== 200)).toEqual([]);
    expect(answers).toBeGreaterThan(0);
    expect(max, `${label}: slowest /healthz answer`).toBeLessThan(MAX_HEALTHZ_MS);
    expect(rss, `${label}: peak resident memory`).toBeLessThan(MAX_RSS_MB);
  }

  it.each<[string, string, () => Buffer, RegExp]>([
    [
      'xlsx with one row numbered 30,000,000',
      'gap.xlsx',
      () => rowGapXlsx(30_000_000),
      /has a value in row 30,000,000/
    ],
    [
      'xlsx zip bomb, 300 MB of whitespace',
      'bomb-300.xlsx',
      () => whitespaceBombXlsx(300 * MiB),
      /would unpack to [\d,]+ times its stored size/
    ],
    [
      'xlsx zip bomb, 1.2 GB of whitespace',
      'bomb-1200.xlsx',
      () => whitespaceBombXlsx(1200 * MiB),
      /would unpack to [\d,]+ times its stored size/
    ],
    [
      'CSV of ten million commas',
      'commas.csv',
      () => Buffer.from(`Reference,Title\n${','.repeat(10_000_000)}\n`),
      /more than 250 columns; we read at most 250/
    ]
  ])('refuses %s with its message', async (label, name, make, message) => {
    const bytes = make();
    figures[`${label}: file size (KB)`] = Math.round(bytes.length / 1024);
    await underProbe(label, async () => {
      const response = await upload(name, bytes);
      const html = await response.text();
      expect(response.status).toBe(422);
      expect(html).toMatch(message);
    });
  });

  it(`imports a ${IMPORT_ROWS.toLocaleString('en-GB')}-row CSV: upload, preview and commit`, async () => {
    const label = `CSV import of ${IMPORT_ROWS.toLocaleString('en-GB')} rows`;
    const bytes = contractRegister(IMPORT_ROWS, 'BULK');
    figures[`${label}: file size (KB)`] = Math.round(bytes.length / 1024);
    await underProbe(label, async () => {
      const uploaded = await upload('register.csv', bytes);
      expect(uploaded.status, await uploaded.clone().text()).toBe(303);
      const location = uploaded.headers.get('location')!;
      const preview = await get(`${location}/preview`);
      expect(preview.status).toBe(200);
      await preview.arrayBuffer();
      const committed = await post(`${location}/preview`, new URLSearchParams());
      expect(committed.status, await committed.clone().text()).toBe(303);
      expect(committed.headers.get('location')).toBe(`${location}/result`);
    });
    const [stored] = await database.handle.db
      .select({ n: count() })
      .from(contracts)
      .where(like(contracts.reference, 'BULK-%'));
    expect(stored!.n).toBe(IMPORT_ROWS);
  });

  it(`restores a backup of ${BACKUP_CONTRACTS.toLocaleString('en-GB')} contracts`, async () => {
    const label = `restore of ${BACKUP_CONTRACTS.toLocaleString('en-GB')} contracts`;
    const backup = structuredClone(demoBackup);
    const council = backup.councils.find((c) => c.role === 'predecessor')!.key;
    backup.contracts = Array.from({ length: BACKUP_CONTRACTS }, (_, i) => ({
      council,
      reference: `RESTORE-${String(i).padStart(6, '0')}`,
      title: `Contract for service ${i}`,
      description: null,
      department: 'Environment',
      supplierName: `Supplier ${i % 900} Ltd`,
      supplierCompanyNumber: null,
      startDate: '2021-04-01',
      endDate: '2027-03-31',
      reviewDate: null,
      noticePeriodValue: 6,
      noticePeriodUnit: 'months',
      maxEndDate: null,
      annualValuePence: 1_000_000 + i,
      totalValuePence: 6_000_000 + i,
      lgrTreatment: 'undecided',
      decisionDate: null,
      decisionNotes: null,
      extensionOptions: [{ lengthMonths: 12, exercised: false }],
      systems: []
    }));
    const text = JSON.stringify(backup);
    figures[`${label}: file size (KB)`] = Math.round(text.length / 1024);
    const [before] = await database.handle.db.select({ n: count() }).from(contracts);
    await underProbe(label, async () => {
      const form = new FormData();
      form.set('name', 'Restored at scale');
      form.set('backup', new File([text], 'backup.json', { type: 'application/json' }));
      const restored = await post('/programmes/new/restore', form);
      expect(restored.status, await restored.clone().text()).toBe(303);
    });
    const [after] = await database.handle.db.select({ n: count() }).from(contracts);
    expect(after!.n - before!.n).toBe(BACKUP_CONTRACTS);
  });
});
