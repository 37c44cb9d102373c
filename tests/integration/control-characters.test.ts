import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { readSheet } from 'read-excel-file/node';
import { SaxesParser } from 'saxes';
import { beforeAll, expect, it } from 'vitest';
import { contracts, programmes } from '#lib/server/db/schema/index.ts';
import { ROUTES } from './access-rules';
import { startTestApp, type TestApp } from './app';
import { createAccessFixtures, type AccessFixtures, type Actor } from './factories/access';
import {
  CONTROL,
  controlCharactersStored,
  fillEveryTextField,
  POISON,
  poisonEveryTextField
} from './factories/control-characters';
import { importFile } from './factories/imports';
import { describeEachDriver } from './harness';

/**
 * Issue 20: an item title holding \x0b\x1b\x01 made the timeline SVG invalid XML, its PNG a
 * 500 for the whole scenario, and the calendar feed carry raw control characters. Now every
 * way in refuses or removes them (forms refuse, import and restore remove), and every writer
 * drops them too, so text stored before (put straight into the database here) cannot break a
 * file either.
 */

/** Throws at the first well-formedness error: saxes checks XML 1.0's characters, unlike most. */
function parseXmlStrictly(text: string) {
  const parser = new SaxesParser({ xmlns: true });
  let elements = 0;
  parser.on('opentag', () => elements++);
  parser.write(text).close();
  return elements;
}

/** Each string in a JSON value with the poison taken out. */
function withoutPoison(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll(POISON, '');
  if (Array.isArray(value)) return value.map(withoutPoison);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutPoison(v)]));
  }
  return value;
}

const POISONED_INPUT = `Bad${POISON}title`;
const refusal = (label: string) =>
  `${label} contains invisible control characters (U+000B, U+001B, U+0001, …): delete them or type the text again`;

/** A form, who submits it, and its text fields with the label each one's message names. */
type FormCase = {
  route: string;
  action?: string;
  actor: Actor;
  fields: [name: string, label: string][];
  /** Where the route's path and payload do not fit (another council, a per-control field). */
  path?: (f: AccessFixtures) => string;
  payload?: (f: AccessFixtures) => Record<string, string>;
};

const P = '/(app)/programmes/[programme]';
const FORMS: FormCase[] = [
  {
    route: '/(app)/programmes/new/blank',
    actor: 'editor',
    fields: [
      ['name', 'Name'],
      ['area', 'Area']
    ]
  },
  {
    route: '/(app)/programmes/new/county',
    actor: 'editor',
    fields: [
      ['name', 'Name'],
      ['successor-0', 'Name of the new council']
    ]
  },
  {
    route: `${P}/councils/new`,
    actor: 'editor',
    fields: [
      ['name', 'Name'],
      ['gssCode', 'GSS code'],
      ['website', 'Website'],
      ['m365Tenant', 'Tenant domain']
    ]
  },
  {
    route: `${P}/councils/[council]`,
    actor: 'editor',
    fields: [['name', 'Name']]
  },
  {
    route: `${P}/councils/[council]`,
    actor: 'editor',
    fields: [['note', 'Note on the link']],
    payload: (f) => ({
      name: 'Matrix District Council',
      role: 'predecessor',
      kind: 'district',
      version: '1',
      successors: f.successorCouncilId
    })
  },
  { route: `${P}/service-areas`, action: 'add', actor: 'editor', fields: [['name', 'Name']] },
  { route: `${P}/service-areas/[area]`, actor: 'editor', fields: [['name', 'Name']] },
  {
    route: `${P}/systems/new`,
    actor: 'editor',
    fields: [
      ['name', 'Name'],
      ['product', 'Product'],
      ['vendor', 'Vendor'],
      ['lifecycle', 'Lifecycle']
    ]
  },
  { route: `${P}/systems/[system]`, actor: 'editor', fields: [['name', 'Name']] },
  {
    route: `${P}/contracts/new`,
    actor: 'editor',
    fields: [
      ['reference', 'Reference'],
      ['title', 'Title'],
      ['description', 'Description'],
      ['department', 'Department'],
      ['supplierName', 'Supplier name'],
      ['supplierCompanyNumber', 'Company number'],
      ['decisionNotes', 'Decision notes']
    ]
  },
  { route: `${P}/contracts/[contract]`, actor: 'editor', fields: [['title', 'Title']] },
  {
    route: `${P}/checks/facts/councils/[council]`,
    actor: 'editor',
    fields: [
      ['targetTenant', 'Target tenant'],
      ['websiteUrl', 'Website address']
    ],
    path: (f) => `/programmes/${f.programmeSlug}/checks/facts/councils/${f.successorCouncilId}`,
    payload: () => ({ version: '0' })
  },
  {
    route: `${P}/checks/facts/security`,
    action: 'add',
    actor: 'editor',
    fields: [
      ['name', 'Name'],
      ['description', 'Description']
    ]
  },
  {
    route: `${P}/checks/facts/security/controls/[control]`,
    actor: 'editor',
    fields: [
      ['name', 'Name'],
      ['description', 'Description']
    ]
  },
  {
    route: `${P}/checks/facts/security/[council]`,
    actor: 'editor',
    fields: [['evidence', 'Evidence for Matrix fixture control']],
    payload: (f) => ({
      [`status-${f.securityControlId}`]: 'met',
      [`version-${f.securityControlId}`]: '0'
    })
  },
  {
    route: `${P}/checks/facts/savings`,
    action: 'add',
    actor: 'editor',
    fields: [['description', 'Description']]
  },
  { route: `${P}/roadmap`, action: 'addMilestone', actor: 'editor', fields: [['name', 'Name']] },
  {
    route: `${P}/roadmap/items/new`,
    actor: 'editor',
    fields: [
      ['title', 'Title'],
      ['owner', 'Owner'],
      ['notes', 'Notes']
    ]
  },
  { route: `${P}/roadmap/items/[item]`, actor: 'editor', fields: [['title', 'Title']] },
  {
    route: `${P}/roadmap/scenarios`,
    action: 'create',
    actor: 'editor',
    fields: [['name', 'Name']]
  },
  { route: `${P}/roadmap/scenarios`, action: 'copy', actor: 'editor', fields: [['name', 'Name']] },
  {
    route: `${P}/roadmap/scenarios/[scenario]/rename`,
    actor: 'editor',
    fields: [['name', 'Name']]
  },
  {
    route: `${P}/roadmap/propose`,
    action: 'accept',
    actor: 'editor',
    fields: [['name', 'The name']]
  },
  {
    route: `${P}/roadmap/approvals`,
    action: 'approve',
    actor: 'owner',
    fields: [['approvedBy', 'Who approved it']]
  },
  {
    route: `${P}/roadmap/share`,
    action: 'create',
    actor: 'editor',
    fields: [['label', 'Who or what the link is for']]
  },
  { route: `${P}/questions`, action: 'add', actor: 'viewer', fields: [['body', 'Comment']] },
  { route: `${P}/questions`, action: 'edit', actor: 'viewer', fields: [['body', 'Comment']] },
  {
    route: '/(app)/admin/users',
    action: 'create',
    actor: 'admin',
    fields: [
      ['email', 'Email address'],
      ['displayName', 'Name']
    ]
  },
  {
    route: `${P}/members`,
    action: 'add',
    actor: 'owner',
    fields: [['email', 'Email address']]
  }
];

describeEachDriver('control characters in text', (ctx) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(ctx.handle);
  });

  async function programmeIdOf(slug: string) {
    const [row] = await ctx.db.select().from(programmes).where(eq(programmes.slug, slug));
    return row!.id;
  }

  async function download(path: string, cookie: string) {
    const response = await app.get(path, { cookie });
    expect(response.status, path).toBe(200);
    return response;
  }

  it('stored before the rules, they reach no file: SVG, PNG, ICS, CSV, XLSX, and a backup restores clean', async () => {
    const f = await createAccessFixtures(ctx.db);
    const programmeId = await programmeIdOf(f.programmeSlug);
    await fillEveryTextField(ctx.db, f, programmeId);
    const poisoned = await poisonEveryTextField(ctx.db);
    // Every column listed, some with several rows; and the poison is really stored.
    expect(poisoned).toBeGreaterThanOrEqual(40);
    expect(Object.keys(await controlCharactersStored(ctx.db)).length).toBeGreaterThanOrEqual(35);
    const cookie = (await f.cookieFor('owner'))!;
    const base = `/programmes/${f.programmeSlug}`;

    // The timeline as an SVG document, at both zooms: well-formed XML holding the clean text.
    for (const zoom of ['year', 'decade']) {
      const svg = await (
        await download(`${base}/roadmap/export/timeline?zoom=${zoom}`, cookie)
      ).text();
      expect(svg).not.toMatch(CONTROL);
      expect(parseXmlStrictly(svg)).toBeGreaterThan(10);
      expect(svg).toContain('Matrix programme ctl: roadmap');
      expect(svg).toContain('Matrix redesign ctl');
    }

    // …and as a PNG, which resvg refused to draw from the invalid SVG (a 500 for everyone).
    const png = await download(`${base}/roadmap/export/timeline?format=png`, cookie);
    expect(png.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await png.arrayBuffer());
    expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

    // The calendar feed: RFC 5545 allows no control character but tab in text.
    const ics = await (await app.get(`/calendar/${f.calendarToken}.ics`)).text();
    expect(ics).not.toMatch(CONTROL);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Matrix programme ctl: deadlines');
    const summaries = calendar
      .getAllSubcomponents('vevent')
      .map((v) => String(new ICAL.Event(v).summary));
    expect(summaries).toContain('Notice deadline: MX-1 ctl Matrix contract ctl (Matrix Ltd ctl)');
    expect(summaries.join()).not.toMatch(CONTROL);

    // Every table export, as CSV and as Excel.
    const tables = [
      [`${base}/export/contracts`, 'Title', 'Matrix contract ctl'],
      [`${base}/export/systems`, 'Name', 'Matrix system ctl'],
      [`${base}/roadmap/export/items`, 'Item', 'Matrix redesign ctl'],
      [`${base}/checks/export`, null, null]
    ] as const;
    for (const [path, column, expected] of tables) {
      const csv = await (await download(`${path}?format=csv`, cookie)).text();
      expect(csv, path).not.toMatch(CONTROL);
      const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
      expect(rows.length, path).toBeGreaterThan(0);
      if (column)
        expect(
          rows.map((r) => r[column]),
          path
        ).toContain(expected);

      const xlsx = Buffer.from(await (await download(`${path}?format=xlsx`, cookie)).arrayBuffer());
      const [header, ...cells] = await readSheet(xlsx, { trim: false });
      const texts = cells.flat().filter((c): c is string => typeof c === 'string');
      expect(texts.join('\n'), path).not.toMatch(CONTROL);
      if (column)
        expect(
          cells.map((r) => r[header!.indexOf(column)]),
          path
        ).toContain(expected);
    }

    // The backup keeps what is stored (JSON can hold any character)…
    const backup = await (await download(`${base}/export/backup`, cookie)).text();
    expect(JSON.parse(backup).contracts[0].title).toBe(`Matrix contract${POISON} ctl`);
    // …and restoring it gives the same programme without the control characters.
    const form = new FormData();
    form.append('backup', new File([backup], 'backup.json', { type: 'application/json' }));
    const restored = await app.request('/programmes/new/restore', {
      method: 'POST',
      headers: { cookie, origin: 'http://vd.test', accept: 'text/html' },
      body: form
    });
    expect(restored.status, await restored.clone().text()).toBe(303);
    const slug = restored.headers.get('location')!.split('/')[2]!.split('?')[0]!;
    expect(slug).toBe('matrix-programme-ctl');
    const again = await (await download(`/programmes/${slug}/export/backup`, cookie)).text();
    expect(again).not.toMatch(CONTROL);
    expect(JSON.parse(again)).toEqual(withoutPoison(JSON.parse(backup)));
  });

  it('forms refuse them with a message naming the field, and store nothing', async () => {
    const f = await createAccessFixtures(ctx.db);
    const programmeId = await programmeIdOf(f.programmeSlug);
    await fillEveryTextField(ctx.db, f, programmeId);
    expect(await controlCharactersStored(ctx.db)).toEqual({});
    const problems: string[] = [];
    for (const form of FORMS) {
      const rule = ROUTES[form.route]!;
      const path = (form.path ?? rule.path)(f) + (form.action ? `?/${form.action}` : '');
      const cookie = (await f.cookieFor(form.actor))!;
      for (const [name, label] of form.fields) {
        const payload = form.payload
          ? form.payload(f)
          : await rule.actions![form.action ?? 'default']!.payload!(f, form.actor, ctx.db);
        const field =
          name === 'note'
            ? `note-${f.successorCouncilId}`
            : name === 'evidence'
              ? `evidence-${f.securityControlId}`
              : name;
        if (payload instanceof FormData) payload.set(field, POISONED_INPUT);
        else payload[field] = POISONED_INPUT;
        const response = await app.post(path, payload, { cookie });
        const html = await response.text();
        if (response.status !== 400 || !html.includes(refusal(label))) {
          problems.push(`${path} ${field}: ${response.status}, ${refusal(label)} not shown`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(await controlCharactersStored(ctx.db)).toEqual({});
  });

  it('an import removes them, and keeps a description’s line breaks', async () => {
    const f = await createAccessFixtures(ctx.db);
    const cookie = (await f.cookieFor('editor'))!;
    // Plain rows around the one that matters: a file of more than 1% control characters is
    // taken for a binary file, not a spreadsheet.
    const plain = Array.from(
      { length: 20 },
      (_, i) => `PLAIN-${i},Plain contract ${i},Plain Ltd,${'Nothing odd here. '.repeat(10)}\r\n`
    );
    const csv =
      'Reference,Title,Supplier,Description\r\n' +
      plain.join('') +
      `IMP-9${POISON},Waste\u001b collection${POISON},Bin\u000bco Ltd,"Line one\r\nline${POISON} two"\r\n`;
    await importFile(
      { app, cookie, slug: f.programmeSlug, councilId: f.councilId },
      'register.csv',
      new TextEncoder().encode(csv)
    );
    const [row] = await ctx.db.select().from(contracts).where(eq(contracts.reference, 'IMP-9'));
    expect(row).toMatchObject({
      title: 'Waste collection',
      supplierName: 'Binco Ltd',
      description: 'Line one\nline two'
    });
    expect(await controlCharactersStored(ctx.db)).toEqual({});
  });
});
