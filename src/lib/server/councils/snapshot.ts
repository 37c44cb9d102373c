import type { CouncilInput } from '#lib/schemas/council.ts';
import type { findCouncil } from './queries';

export type Snapshot = Omit<CouncilInput, 'version'> & {
  successorIds: string[];
  successorNotes?: Record<string, string>;
};

export const snapshot = (c: NonNullable<Awaited<ReturnType<typeof findCouncil>>>): Snapshot => ({
  name: c.name,
  role: c.role,
  kind: c.kind,
  gssCode: c.gssCode,
  website: c.website,
  m365Tenant: c.m365Tenant,
  successorIds: c.successorIds,
  successorNotes: c.successorNotes
});

export type CouncilWriteResult =
  | { ok: true; id: string }
  | { ok: false; kind: 'invalid'; field: string; message: string }
  | { ok: false; kind: 'conflict'; current: Snapshot & { version: number } }
  | { ok: false; kind: 'gone' };

/**
 * Updates a council if nobody else has since the form was loaded (its version still matches),
 * with its succession links and an audit event holding before and after, in one transaction.
 */
