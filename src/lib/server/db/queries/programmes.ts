import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../types';
import { contracts, councils, programmeMembers, programmes, successions, systems } from '../schema';

export type MemberRole = 'owner' | 'editor' | 'viewer';

export interface ProgrammeSummary {
  id: string;
  slug: string;
  name: string;
  area: string;
  vestingDate: string;
  role: MemberRole;
}

/** The programmes a user is a member of, soonest vesting day first. */
export async function listProgrammesForUser(
  db: DatabaseOrTransaction,
  userId: string
): Promise<ProgrammeSummary[]> {
  return db
    .select({
      id: programmes.id,
      slug: programmes.slug,
      name: programmes.name,
      area: programmes.area,
      vestingDate: programmes.vestingDate,
      role: programmeMembers.role
    })
    .from(programmes)
    .innerJoin(programmeMembers, eq(programmeMembers.programmeId, programmes.id))
    .where(eq(programmeMembers.userId, userId))
    .orderBy(asc(programmes.vestingDate), asc(programmes.name));
}

/** One programme by slug, only if the user is a member; null otherwise (the caller 404s). */
export async function findProgrammeForMember(
  db: DatabaseOrTransaction,
  slug: string,
  userId: string
) {
  const [row] = await db
    .select({
      id: programmes.id,
      slug: programmes.slug,
      name: programmes.name,
      area: programmes.area,
      vestingDate: programmes.vestingDate,
      horizonYears: programmes.horizonYears,
      capacity: programmes.capacity,
      stabilisationMonths: programmes.stabilisationMonths,
      version: programmes.version,
      role: programmeMembers.role
    })
    .from(programmes)
    .innerJoin(
      programmeMembers,
      and(eq(programmeMembers.programmeId, programmes.id), eq(programmeMembers.userId, userId))
    )
    .where(eq(programmes.slug, slug));
  return row ?? null;
}

/**
 * A member's role, read inside a transaction with the membership row locked, or null when
 * they are not a member. 'update' for changing the membership itself (a removal, a new role);
 * 'share' for writing something the membership entitles them to (a calendar address, a share
 * link): it waits for a removal in progress and then sees the membership gone, so nothing is
 * made by someone in the moment they are being removed.
 */
export async function lockedRole(
  tx: DatabaseOrTransaction,
  programmeId: string,
  userId: string,
  strength: 'update' | 'share'
): Promise<MemberRole | null> {
  const [row] = await tx
    .select({ role: programmeMembers.role })
    .from(programmeMembers)
    .where(and(eq(programmeMembers.programmeId, programmeId), eq(programmeMembers.userId, userId)))
    .for(strength);
  return row?.role ?? null;
}

export interface CouncilOverview {
  id: string;
  name: string;
  role: 'predecessor' | 'successor';
  kind: string;
  gssCode: string | null;
  systemCount: number;
  contractCount: number;
  successorIds: string[];
}

/** Councils with their successors and inventory counts: three queries whatever the size. */
export async function councilOverview(
  db: DatabaseOrTransaction,
  programmeId: string
): Promise<CouncilOverview[]> {
  const [councilRows, systemCounts, contractCounts, links] = await Promise.all([
    db
      .select({
        id: councils.id,
        name: councils.name,
        role: councils.role,
        kind: councils.kind,
        gssCode: councils.gssCode
      })
      .from(councils)
      .where(eq(councils.programmeId, programmeId))
      .orderBy(sql`${councils.role} desc`, asc(councils.name)),
    db
      .select({ councilId: systems.councilId, n: count() })
      .from(systems)
      .where(eq(systems.programmeId, programmeId))
      .groupBy(systems.councilId),
    db
      .select({ councilId: contracts.councilId, n: count() })
      .from(contracts)
      .where(eq(contracts.programmeId, programmeId))
      .groupBy(contracts.councilId),
    db
      .select({ predecessorId: successions.predecessorId, successorId: successions.successorId })
      .from(successions)
      .innerJoin(councils, eq(councils.id, successions.predecessorId))
      .where(eq(councils.programmeId, programmeId))
  ]);
  const systemsBy = new Map(systemCounts.map((r) => [r.councilId, r.n]));
  const contractsBy = new Map(contractCounts.map((r) => [r.councilId, r.n]));
  return councilRows.map((c) => ({
    ...c,
    systemCount: systemsBy.get(c.id) ?? 0,
    contractCount: contractsBy.get(c.id) ?? 0,
    successorIds: links.filter((l) => l.predecessorId === c.id).map((l) => l.successorId)
  }));
}
