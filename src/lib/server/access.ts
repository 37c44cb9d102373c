import { error } from '@sveltejs/kit';
import type { SessionUser } from './auth/sessions';
import { db } from './db';
import { findProgrammeForMember, type MemberRole } from './db/queries/programmes';

/**
 * Authorisation, in one place: every load and action that needs more than a signed-in user
 * calls one of these. Hiding a button is a courtesy; these are the rule.
 */
const RANK: Record<MemberRole, number> = { viewer: 1, editor: 2, owner: 3 };

export function roleAllows(role: MemberRole, needed: MemberRole): boolean {
  return RANK[role] >= RANK[needed];
}

/** Administrators manage users. Anyone else gets 404, as for a page that does not exist. */
export function requireAdmin(user: SessionUser | null): SessionUser {
  if (!user?.isAdmin) error(404, 'Not found');
  return user;
}

/** For a programme already loaded with the person's role: 403 unless the role is enough. */
export function requireRole(programme: { role: MemberRole }, needed: MemberRole) {
  if (!roleAllows(programme.role, needed)) {
    error(403, 'Your role on this programme does not allow this. Ask an owner for access.');
  }
}

/**
 * The one gate for programme pages and actions. A non-member gets 404, not 403, so the
 * existence of a programme is not confirmed to people outside it.
 */
export async function requireProgramme(
  user: SessionUser | null,
  slug: string,
  needed: MemberRole = 'viewer'
) {
  if (!user) error(404, 'Not found');
  const programme = await findProgrammeForMember(db(), slug, user.id);
  if (!programme) error(404, 'Not found');
  requireRole(programme, needed);
  return programme;
}
