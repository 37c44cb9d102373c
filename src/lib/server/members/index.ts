import { and, asc, eq, sql } from 'drizzle-orm';
import type { Outcome } from '../accounts';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/sessions';
import { normaliseEmail } from '../auth/sign-in';
import type { Database } from '../db';
import { lockedRole, type MemberRole } from '../db/queries/programmes';
import { programmeMembers, users } from '../db/schema';
import { ownerCount } from './owners';

export { memberRemoval, removeMember, type MemberRemoval, type RemovalOutcome } from './removal';

export async function listMembers(db: Database, programmeId: string) {
  return db
    .select({
      userId: users.id,
      email: users.email,
      displayName: users.displayName,
      role: programmeMembers.role,
      disabledAt: users.disabledAt
    })
    .from(programmeMembers)
    .innerJoin(users, eq(users.id, programmeMembers.userId))
    .where(eq(programmeMembers.programmeId, programmeId))
    .orderBy(asc(users.displayName));
}

/** Adds an existing user to the programme. */
export async function addMember(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  input: { email: string; role: MemberRole },
  ipAddress: string | null
): Promise<Outcome> {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, normaliseEmail(input.email)));
  if (!user) {
    return {
      ok: false,
      field: 'email',
      message: 'There is no user with this email address. Ask an administrator to add them first.'
    };
  }
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(programmeMembers)
      .values({ programmeId, userId: user.id, role: input.role })
      .onConflictDoNothing()
      .returning({ userId: programmeMembers.userId });
    if (inserted.length === 0) {
      return { ok: false as const, field: 'email', message: 'This person is already a member' };
    }
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'member',
      entityId: user.id,
      action: 'member_added',
      after: { role: input.role },
      ipAddress
    });
    return { ok: true as const };
  });
}

export async function changeMemberRole(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  userId: string,
  role: MemberRole,
  ipAddress: string | null
): Promise<Outcome> {
  return db.transaction(async (tx) => {
    // Locks the row so two owners demoting each other at once cannot leave no owner.
    const before = await lockedRole(tx, programmeId, userId, 'update');
    if (!before)
      return { ok: false as const, field: 'userId', message: 'That person is not a member' };
    if (before === 'owner' && role !== 'owner' && (await ownerCount(tx, programmeId)) <= 1) {
      return { ok: false as const, field: 'role', message: 'A programme needs at least one owner' };
    }
    await tx
      .update(programmeMembers)
      .set({ role })
      .where(
        and(eq(programmeMembers.programmeId, programmeId), eq(programmeMembers.userId, userId))
      );
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'member',
      entityId: userId,
      action: 'role_changed',
      before: { role: before },
      after: { role },
      ipAddress
    });
    return { ok: true as const };
  });
}
