import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programmes } from '#lib/server/db/schema/index.ts';
import { seedDemoIfEmpty } from '#lib/server/demo-seed.ts';
import { createAccessFixtures, type AccessFixtures } from '../integration/factories/access';
import { crawlForms, type CrawledForm } from './support/crawl';
import { throwawayDatabase, type ThrowawayDatabase } from './support/database';
import { programmeFingerprint } from './support/fingerprint';
import { HIDDEN_FIELD_STRINGS, HOSTILE_STRINGS, isUuid, reflectsMarkup } from './support/hostile';
import { Browser } from './support/http';
import { peopleFor } from './support/people';
import { startServer, type RunningServer } from './support/server';
import { SHORT } from './support/scale';
import { recordFigures } from './support/summary';

const SLUG = 'thornshire-demo';

/**
 * The (field index, field name, hostile string) posts to send for one form. The full run sends
 * every string in every field (hidden fields, ids and versions, get the shorter list: they are
 * never shown as typed). The short run (CI) keeps the time bounded: every field still gets a
 * hostile string and every string still goes into the form, taken in turn, and every typed
 * field gets the script tag: about max(n, strings) posts for a form of n fields, not n × strings.
 */
function hostileFieldValues(
  form: CrawledForm
): [number, string, { name: string; value: string }][] {
  if (SHORT) {
    const list = HIDDEN_FIELD_STRINGS;
    if (form.fields.length === 0) return [];
    const posts = Array.from(
      { length: Math.max(form.fields.length, list.length) },
      (_, k): [number, string, { name: string; value: string }] => {
        const index = k % form.fields.length;
        return [index, form.fields[index]![0], list[k % list.length]!];
      }
    );
    // Markup must never come back unescaped: every typed field gets the script tag too.
    const script = list.find((h) => h.name === 'script tag')!;
    for (const [index, [name]] of form.fields.entries()) {
      const covered = posts.some(([i, , h]) => i === index && h === script);
      if (form.textFields.includes(name) && !covered) posts.push([index, name, script]);
    }
    return posts;
  }
  return form.fields.flatMap(([name], index) =>
    (form.textFields.includes(name) ? HOSTILE_STRINGS : HIDDEN_FIELD_STRINGS).map(
      (hostile): [number, string, { name: string; value: string }] => [index, name, hostile]
    )
  );
}

interface Finding {
  request: string;
  problem: string;
}

describe('hostile input over every form', () => {
  let database: ThrowawayDatabase;
  let server: RunningServer;
  let other: AccessFixtures;
  let otherProgrammeId: string;
  let browser: Browser;

  beforeAll(async () => {
    database = await throwawayDatabase();
    const db = database.handle.db;
    await seedDemoIfEmpty(db);
    // A second programme the attacker is not a member of: its ids are the forged ones.
    other = await createAccessFixtures(db);
    const [row] = await db
      .select({ id: programmes.id })
      .from(programmes)
      .where(eq(programmes.slug, other.programmeSlug));
    otherProgrammeId = row!.id;
    const [owner] = await peopleFor(db, SLUG, 1, 'owner', 'attacker');
    server = await startServer({ databaseUrl: database.url });
    browser = new Browser(server.baseURL, owner!.cookie);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('refuses or stores hostile values safely: no 5xx, no markup echoed, no other programme touched', async () => {
    const db = database.handle.db;
    const before = await programmeFingerprint(db, otherProgrammeId);
    const { pages, forms } = await crawlForms(
      browser,
      [`/programmes/${SLUG}`, '/account', '/programmes/new'],
      new RegExp(`^/(programmes/${SLUG}|account|programmes/new)`)
    );
    expect(pages.length).toBeGreaterThan(20);
    expect(forms.length).toBeGreaterThan(10);

    const findings: Finding[] = [];
    const statuses = new Map<number, number>();
    let requests = 0;
    const send = async (
      label: string,
      form: CrawledForm,
      fields: [string, string][],
      headers = {}
    ) => {
      requests += 1;
      const response = await browser.post(form.target, fields, headers);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const html = await response.text();
      const request = `${label} → POST ${form.target}`;
      if (response.status >= 500) findings.push({ request, problem: `status ${response.status}` });
      return { status: response.status, html, request };
    };

    const forged = [other.councilId, other.contractId, other.systemId, other.serviceAreaId];
    for (const form of forms) {
      // 1. Every hostile string in every field the browser sends, one field at a time.
      for (const [index, name, hostile] of hostileFieldValues(form)) {
        const fields = form.fields.map((f, i): [string, string] =>
          i === index ? [name, hostile.value] : f
        );
        const { html, request } = await send(`${hostile.name} in ${name}`, form, fields);
        if (reflectsMarkup(html, hostile.value))
          findings.push({ request, problem: 'markup echoed unescaped' });
      }
      // 2. Forged ids: every id-valued field pointed at the other programme's records.
      for (const [index, [name, value]] of form.fields.entries()) {
        if (!isUuid(value)) continue;
        for (const id of forged) {
          const fields = form.fields.map((f, i): [string, string] =>
            i === index ? [name, id] : f
          );
          await send(`forged ${name}`, form, fields);
        }
      }
      // 3. Forged role and extra fields a browser would never send.
      await send('forged role', form, [
        ...form.fields,
        ['role', 'superuser'],
        ['isAdmin', 'true'],
        ['programmeId', otherProgrammeId]
      ]);
      // 4. Missing and foreign Origin: refused before anything runs.
      const foreign = await send('foreign origin', form, form.fields, {
        origin: 'https://evil.example'
      });
      if (foreign.status !== 403)
        findings.push({
          request: foreign.request,
          problem: `foreign origin answered ${foreign.status}`
        });
      // 5. An oversized body.
      await send('oversized body', form, [...form.fields, ['padding', 'x'.repeat(600_000)]]);
    }

    // Hostile values in the query strings of every page (filters, sorting, paging).
    for (const [pageIndex, page] of pages.entries()) {
      // The short run sends one of the strings per page, in turn, rather than each of them.
      const values = SHORT
        ? [HIDDEN_FIELD_STRINGS[pageIndex % HIDDEN_FIELD_STRINGS.length]!]
        : HIDDEN_FIELD_STRINGS;
      for (const hostile of values) {
        const query = new URLSearchParams(
          ['q', 'council', 'treatment', 'page', 'sort', 'dir', 'entity', 'from', 'view'].map(
            (name) => [name, hostile.value]
          )
        );
        const path = `${page.split('?')[0]}?${query}`;
        requests += 1;
        const response = await browser.get(path);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const html = await response.text();
        const request = `${hostile.name} in the query → GET ${page.split('?')[0]}`;
        if (response.status >= 500)
          findings.push({ request, problem: `status ${response.status}` });
        if (reflectsMarkup(html, hostile.value)) {
          findings.push({ request, problem: 'markup echoed unescaped' });
        }
      }
    }

    // The same actions of the other programme, reached by editing the URL (IDOR).
    let idorAttempts = 0;
    for (const form of forms) {
      if (!form.target.includes(`/programmes/${SLUG}`)) continue;
      const target = form.target
        .replace(`/programmes/${SLUG}`, `/programmes/${other.programmeSlug}`)
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i, other.contractId);
      const { status, request } = await send('other programme', { ...form, target }, form.fields);
      idorAttempts += 1;
      if (status !== 404 && status !== 403)
        findings.push({ request, problem: `cross-programme answered ${status}` });
    }

    const after = await programmeFingerprint(db, otherProgrammeId);
    recordFigures('Hostile input', {
      'pages crawled': pages.length,
      'forms found': forms.length,
      'requests sent': requests,
      'cross-programme attempts': idorAttempts,
      'answers (status: count)': [...statuses]
        .sort()
        .map(([s, n]) => `${s}: ${n}`)
        .join(', '),
      '5xx responses': [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0),
      'leaks (markup echoed, cross-programme answers)': findings.filter(
        (f) => !f.problem.startsWith('status')
      ).length,
      findings: findings.length,
      'other programme unchanged': JSON.stringify(before) === JSON.stringify(after) ? 'yes' : 'NO'
    });
    expect(findings).toEqual([]);
    expect(after).toEqual(before);
  });
});
