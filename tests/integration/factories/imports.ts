import { readFileSync } from 'node:fs';
import { desc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { auditEvents, pendingImports } from '#lib/server/db/schema/index.ts';
import type { Database } from '#lib/server/db/types.ts';
import type { TestApp } from '../app';

/** Reads a file of tests/fixtures/import/. */
export function fixture(name: string): Buffer {
  return readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url));
}

export interface ImportSession {
  app: TestApp;
  cookie: string;
  slug: string;
  councilId: string;
}

/** Posts the upload form as the browser sends it (multipart). */
export function uploadFile(
  s: ImportSession,
  name: string,
  bytes: Uint8Array,
  kind: 'contracts' | 'systems' = 'contracts'
): Promise<Response> {
  const form = new FormData();
  form.set('kind', kind);
  form.set('councilId', s.councilId);
  form.set('file', new File([new Uint8Array(bytes)], name));
  return s.app.post(`/programmes/${s.slug}/import`, form, { cookie: s.cookie });
}

/** Upload → (proposed mapping) → preview → commit; returns the pending import's id. */
export async function importFile(
  s: ImportSession,
  name: string,
  bytes: Uint8Array,
  kind: 'contracts' | 'systems' = 'contracts'
): Promise<string> {
  const uploaded = await uploadFile(s, name, bytes, kind);
  expect(uploaded.status, await uploaded.clone().text()).toBe(303);
  const id = uploaded.headers.get('location')!.split('/').at(-1)!;
  const preview = await s.app.get(`/programmes/${s.slug}/import/${id}/preview`, {
    cookie: s.cookie
  });
  expect(preview.status).toBe(200);
  const committed = await s.app.post(
    `/programmes/${s.slug}/import/${id}/preview`,
    {},
    { cookie: s.cookie }
  );
  expect(committed.status, await committed.clone().text()).toBe(303);
  expect(committed.headers.get('location')).toBe(`/programmes/${s.slug}/import/${id}/result`);
  return id;
}

export async function resultOf(db: Database, id: string) {
  const [row] = await db.select().from(pendingImports).where(eq(pendingImports.id, id));
  return row?.result;
}

export async function importEvents(db: Database) {
  return db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.entity, 'import'))
    .orderBy(desc(auditEvents.id));
}
