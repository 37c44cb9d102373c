import { error } from '@sveltejs/kit';
import type { SessionUser } from './auth/sessions';

/** Administrators manage users. Anyone else gets 404, as for a page that does not exist. */
export function requireAdmin(user: SessionUser | null): SessionUser {
  if (!user?.isAdmin) error(404, 'Not found');
  return user;
}
