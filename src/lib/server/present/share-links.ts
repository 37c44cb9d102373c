import { and, eq, gte, isNull, sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '#lib/domain/dates.ts';
import { shareLinkStatus } from '#lib/domain/present/share-links.ts';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/sessions';
import { generateSessionToken, sessionIdFromToken } from '../auth/tokens';
import type { Database, DatabaseOrTransaction, Transaction } from '../db';
import { lockedRole } from '../db/queries/programmes';
import { programmes, roadmapApprovals, roadmapScenarios, shareLinks } from '../db/schema';

/**
 * Read-only links to a scenario's present view for people without an account. Made and
 * looked up exactly as the calendar feed's secret address is (src/lib/server/calendar/feeds.ts):
 * a 160-bit random token from the session helpers, only its SHA-256 stored under a unique
 * index, so nothing ever compares the secret itself.
 */
const TOKEN_SHAPE = /^[a-z2-7]{32}$/;

export function sharePath(token: string): string {
  return `/share/${token}`;
}

export interface NewShareLink {
  /** A scenario's live plan, or an approval's frozen baseline (which never moves). */
  plan: { kind: 'scenario' | 'approval'; id: string };
  label: string;
  expiresOn: IsoDate;
}

/**
 * Makes a link; the token is returned once, for this response only, and never stored. The
 * maker's role is read again under a lock as the link is written: a removal in progress is
 * waited for, so nobody makes a link in the moment they are removed (see `lockedRole`).
 */
export async function createShareLink(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  input: NewShareLink,
  ipAddress: string | null
): Promise<
  { ok: true; token: string; id: string } | { ok: false; message: string; reason?: 'not-allowed' }
> {
  const token = generateSessionToken();
  return db.transaction(async (tx) => {
    const role = await lockedRole(tx, programmeId, actor.id, 'share');
    if (role !== 'owner' && role !== 'editor') {
      return {
        ok: false as const,
        reason: 'not-allowed' as const,
        message: 'Your role on this programme does not allow this. Ask an owner for access.'
      };
    }
    const target = await sharedTarget(tx, programmeId, input.plan);
    if (!target.ok) return target;
    const { scenario, approval } = target;
    const [link] = await tx
      .insert(shareLinks)
      .values({
        programmeId,
        scenarioId: scenario.id,
        baselineId: approval?.id ?? null,
        label: input.label,
        expiresOn: input.expiresOn,
        tokenHash: sessionIdFromToken(token),
        createdBy: actor.id
      })
      .returning({ id: shareLinks.id });
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'share_link',
      entityId: link!.id,
      action: 'share_link_created',
      after: {
        label: input.label,
        scenarioId: scenario.id,
        scenario: scenario.name,
        ...(approval && {
          approvalId: approval.id,
          approvedBy: approval.approvedBy,
          approvedOn: approval.approvedOn
        }),
        expiresOn: input.expiresOn
      },
      ipAddress
    });
    return { ok: true as const, token, id: link!.id };
  });
}

/**
 * The scenario a link belongs to and, for a baseline, its approval: both must be this
 * programme's, so an id copied from another programme is refused, never shared.
 */
async function sharedTarget(
  tx: DatabaseOrTransaction,
  programmeId: string,
  plan: NewShareLink['plan']
): Promise<
  | {
      ok: true;
      scenario: { id: string; name: string };
      approval: { id: string; approvedBy: string; approvedOn: IsoDate } | null;
    }
  | { ok: false; message: string }
> {
  if (plan.kind === 'scenario') {
    const [scenario] = await tx
      .select({ id: roadmapScenarios.id, name: roadmapScenarios.name })
      .from(roadmapScenarios)
      .where(and(eq(roadmapScenarios.id, plan.id), eq(roadmapScenarios.programmeId, programmeId)));
    return scenario
      ? { ok: true, scenario, approval: null }
      : { ok: false, message: 'Choose a scenario of this programme' };
  }
  const [row] = await tx
    .select({
      id: roadmapApprovals.id,
      approvedBy: roadmapApprovals.approvedBy,
      approvedOn: roadmapApprovals.approvedOn,
      scenario: { id: roadmapScenarios.id, name: roadmapScenarios.name }
    })
    .from(roadmapApprovals)
    .leftJoin(roadmapScenarios, eq(roadmapScenarios.id, roadmapApprovals.scenarioId))
    .where(and(eq(roadmapApprovals.id, plan.id), eq(roadmapApprovals.programmeId, programmeId)));
  if (!row) return { ok: false, message: 'Choose an approval of this programme' };
  // A link belongs to a scenario (it ends when the scenario is deleted); an approval whose
  // scenario has gone can still be read on the approvals page, but not shared.
  if (!row.scenario) {
    return {
      ok: false,
      message: 'The scenario of that approval has been deleted, so it cannot be shared'
    };
  }
  const { scenario, ...approval } = row;
  return { ok: true, scenario, approval };
}

/** Ends a link for good; false when it is not this programme's or was already revoked. */
export async function revokeShareLink(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  linkId: string,
  ipAddress: string | null
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const revoked = await revokeWhere(
      tx,
      actor,
      programmeId,
      eq(shareLinks.id, linkId),
      undefined,
      ipAddress
    );
    return revoked.length > 0;
  });
}

/**
 * Inside a member's removal: revokes every link `makerId` made in the programme that still
 * works on `today`, one audit event each saying why. Returns the links revoked.
 */
export async function revokeLinksMadeBy(
  tx: Transaction,
  actor: SessionUser,
  programmeId: string,
  makerId: string,
  today: IsoDate,
  ipAddress: string | null
): Promise<{ id: string; label: string }[]> {
  return revokeWhere(
    tx,
    actor,
    programmeId,
    and(eq(shareLinks.createdBy, makerId), gte(shareLinks.expiresOn, today))!,
    { reason: 'maker_removed', makerId },
    ipAddress
  );
}

async function revokeWhere(
  tx: Transaction,
  actor: SessionUser,
  programmeId: string,
  which: SQL,
  why: Record<string, string> | undefined,
  ipAddress: string | null
): Promise<{ id: string; label: string }[]> {
  const rows = await tx
    .update(shareLinks)
    .set({ revokedAt: new Date(), revokedBy: actor.id })
    .where(and(which, eq(shareLinks.programmeId, programmeId), isNull(shareLinks.revokedAt)))
    .returning({ id: shareLinks.id, label: shareLinks.label });
  for (const row of rows) {
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'share_link',
      entityId: row.id,
      action: 'share_link_revoked',
      before: { label: row.label },
      after: why,
      ipAddress
    });
  }
  return rows;
}

export type SharedProgramme = NonNullable<Awaited<ReturnType<typeof selectByToken>>>['programme'];

async function selectByToken(db: Database, token: string) {
  const [row] = await db
    .select({
      id: shareLinks.id,
      scenarioId: shareLinks.scenarioId,
      baselineId: shareLinks.baselineId,
      expiresOn: shareLinks.expiresOn,
      revokedAt: shareLinks.revokedAt,
      viewCount: shareLinks.viewCount,
      programme: {
        id: programmes.id,
        slug: programmes.slug,
        name: programmes.name,
        vestingDate: programmes.vestingDate,
        horizonYears: programmes.horizonYears,
        capacity: programmes.capacity,
        stabilisationMonths: programmes.stabilisationMonths
      }
    })
    .from(shareLinks)
    .innerJoin(programmes, eq(programmes.id, shareLinks.programmeId))
    .where(eq(shareLinks.tokenHash, sessionIdFromToken(token)));
  return row ?? null;
}

export type ShareLookup =
  | { kind: 'unknown' }
  | { kind: 'expired' | 'revoked' }
  | {
      kind: 'active';
      linkId: string;
      scenarioId: string;
      /** The approval whose frozen baseline the link shows; null for the live plan. */
      baselineId: string | null;
      programme: SharedProgramme;
    };

/**
 * What a token opens. Unknown or malformed tokens are told apart from links that once worked
 * (expired or revoked) only so that the page can say the link no longer works: neither
 * reveals anything about the programme.
 */
export async function findShareLink(
  db: Database,
  token: string,
  today: IsoDate
): Promise<ShareLookup> {
  if (!TOKEN_SHAPE.test(token)) return { kind: 'unknown' };
  const row = await selectByToken(db, token);
  if (!row) return { kind: 'unknown' };
  const status = shareLinkStatus(row, today);
  if (status !== 'active') return { kind: status };
  return {
    kind: 'active',
    linkId: row.id,
    scenarioId: row.scenarioId,
    baselineId: row.baselineId,
    programme: row.programme
  };
}

/**
 * Counts a view and stamps it; the first view is also an audit event ("the link was opened"),
 * later ones only move the counter, so a screen left on a loop does not flood the audit log.
 */
export async function recordShareView(
  db: Database,
  linkId: string,
  programmeId: string,
  ipAddress: string | null
): Promise<void> {
  await db.transaction(async (tx) => {
    const now = new Date();
    const [row] = await tx
      .update(shareLinks)
      .set({
        viewCount: sql`${shareLinks.viewCount} + 1`,
        firstViewedAt: sql`coalesce(${shareLinks.firstViewedAt}, ${now.toISOString()}::timestamptz)`,
        lastViewedAt: now
      })
      .where(eq(shareLinks.id, linkId))
      .returning({ viewCount: shareLinks.viewCount });
    if (row?.viewCount === 1) {
      await recordAudit(tx, {
        actorLabel: 'Share link',
        programmeId,
        entity: 'share_link',
        entityId: linkId,
        action: 'share_link_first_viewed',
        ipAddress
      });
    }
  });
}
