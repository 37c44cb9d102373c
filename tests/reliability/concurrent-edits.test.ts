import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  contracts,
  programmes,
  roadmapItems,
  roadmapScenarios
} from '#lib/server/db/schema/index.ts';
import { seedDemoIfEmpty } from '#lib/server/demo-seed.ts';
import { throwawayDatabase, type ThrowawayDatabase } from './support/database';
import { readForms, withValues } from './support/forms';
import { Browser } from './support/http';
import { peopleFor } from './support/people';
import { startServer, type RunningServer } from './support/server';
import { pick } from './support/scale';
import { recordFigures } from './support/summary';

const EDITORS = pick(20, 8);
const EDITS_EACH = pick(50, 10);
/** Few records, so the editors collide often. */
const CONTRACTS = 4;
const ITEMS = 2;
const SLUG = 'thornshire-demo';

interface Attempt {
  recordId: string;
  baseVersion: number;
  title: string;
  outcome: 'accepted' | 'conflicted' | 'error';
  status: number;
}

describe(`${EDITORS} editors changing the same contracts and roadmap items at once`, () => {
  let database: ThrowawayDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await throwawayDatabase();
    await seedDemoIfEmpty(database.handle.db);
    server = await startServer({ databaseUrl: database.url });
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('loses no update: every accepted change is kept or superseded, every refusal says so', async () => {
    const db = database.handle.db;
    const [programme] = await db.select().from(programmes).where(eq(programmes.slug, SLUG));
    const contractRows = await db
      .select({ id: contracts.id, version: contracts.version, title: contracts.title })
      .from(contracts)
      .where(eq(contracts.programmeId, programme!.id))
      .orderBy(contracts.reference)
      .limit(CONTRACTS);
    const itemRows = await db
      .select({ id: roadmapItems.id, version: roadmapItems.version, title: roadmapItems.title })
      .from(roadmapItems)
      .innerJoin(roadmapScenarios, eq(roadmapScenarios.id, roadmapItems.scenarioId))
      .where(and(eq(roadmapItems.programmeId, programme!.id), eq(roadmapScenarios.isCurrent, true)))
      .orderBy(roadmapItems.title)
      .limit(ITEMS);
    expect(itemRows).toHaveLength(ITEMS);
    const targets = [
      ...contractRows.map((c) => ({ ...c, kind: 'contract' as const, path: `contracts/${c.id}` })),
      ...itemRows.map((i) => ({ ...i, kind: 'item' as const, path: `roadmap/items/${i.id}` }))
    ];
    const startVersions = new Map(targets.map((c) => [c.id, c.version]));
    const editors = await peopleFor(db, SLUG, EDITORS, 'editor');

    const attempts: Attempt[] = [];
    const browsers = editors.map((editor) => new Browser(server.baseURL, editor.cookie));
    type Target = (typeof targets)[number];
    /** An editor opens the record's page and reads its form (and the version it shows). */
    const open = async (browser: Browser, target: Target) => {
      const page = await browser.get(`/programmes/${SLUG}/${target.path}`);
      const html = await page.text();
      const form = readForms(html).find(
        (f) =>
          f.fields.some(([name]) => name === 'version') &&
          f.fields.some(([name]) => name === 'title')
      );
      return page.status === 200 && form ? form : page.status;
    };
    /** …then saves it with a new title: accepted, or refused as changed by someone else. */
    const save = async (
      browser: Browser,
      target: Target,
      opened: Awaited<ReturnType<typeof open>>,
      title: string
    ): Promise<Attempt> => {
      if (typeof opened === 'number') {
        return {
          recordId: target.id,
          baseVersion: -1,
          title: '',
          outcome: 'error',
          status: opened
        };
      }
      const baseVersion = Number(opened.fields.find(([name]) => name === 'version')![1]);
      const response = await browser.post(
        `/programmes/${SLUG}/${target.path}`,
        withValues(opened.fields, { title })
      );
      await response.body?.cancel();
      const outcome =
        response.status === 303 ? 'accepted' : response.status === 409 ? 'conflicted' : 'error';
      return { recordId: target.id, baseVersion, title, outcome, status: response.status };
    };

    // A collision by construction: every editor opens the same record, then all save it from
    // the version they saw. Exactly one may be accepted; everyone else must be told.
    const collisionTarget = targets[0]!;
    const seen = await Promise.all(browsers.map((b) => open(b, collisionTarget)));
    const collision = await Promise.all(
      browsers.map((b, e) => save(b, collisionTarget, seen[e]!, `Collision ${e + 1}`))
    );
    attempts.push(...collision);

    // Then each editor works through the records at its own pace, colliding as it happens.
    await Promise.all(
      browsers.map(async (browser, e) => {
        for (let n = 0; n < EDITS_EACH; n += 1) {
          const target = targets[(e + n) % targets.length]!;
          attempts.push(
            await save(browser, target, await open(browser, target), `Edit ${e + 1}.${n + 1}`)
          );
        }
      })
    );

    const accepted = attempts.filter((a) => a.outcome === 'accepted');
    const conflicted = attempts.filter((a) => a.outcome === 'conflicted');
    const errors = attempts.filter((a) => a.outcome === 'error');
    const finalRows = [
      ...(await db
        .select({ id: contracts.id, title: contracts.title, version: contracts.version })
        .from(contracts)
        .where(
          inArray(
            contracts.id,
            contractRows.map((c) => c.id)
          )
        )),
      ...(await db
        .select({ id: roadmapItems.id, title: roadmapItems.title, version: roadmapItems.version })
        .from(roadmapItems)
        .where(
          inArray(
            roadmapItems.id,
            itemRows.map((i) => i.id)
          )
        ))
    ];
    let lost = 0;
    for (const row of finalRows) {
      const mine = accepted
        .filter((a) => a.recordId === row.id)
        .sort((a, b) => a.baseVersion - b.baseVersion);
      // Optimistic locking accepts exactly one change per version: two accepted changes from
      // one base version would mean one silently overwrote the other.
      const bases = new Set(mine.map((a) => a.baseVersion));
      lost += mine.length - bases.size;
      expect(row.version).toBe(startVersions.get(row.id)! + mine.length);
      if (mine.length > 0) expect(row.title).toBe(mine.at(-1)!.title);
    }
    const audited = await db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(
        and(
          inArray(auditEvents.action, ['contract_updated', 'roadmap_item_updated']),
          inArray(auditEvents.entityId, [...startVersions.keys()])
        )
      );
    const serverErrors = attempts.filter((a) => a.status >= 500).length;

    recordFigures('Concurrent editing (HTTP, PostgreSQL)', {
      records: `${CONTRACTS} contracts, ${ITEMS} roadmap items`,
      editors: EDITORS,
      'edits attempted (of which one collision of all editors)': attempts.length,
      accepted: accepted.length,
      conflicted: conflicted.length,
      'other refusals': errors.length,
      lost,
      '5xx responses': serverErrors,
      'audit events for accepted edits': audited.length
    });
    expect(attempts).toHaveLength(EDITORS * (EDITS_EACH + 1));
    expect(errors.map((a) => a.status)).toEqual([]);
    expect(lost).toBe(0);
    expect(collision.map((a) => a.outcome).sort()).toEqual([
      'accepted',
      ...Array<string>(EDITORS - 1).fill('conflicted')
    ]);
    expect(audited).toHaveLength(accepted.length);
  });
});
